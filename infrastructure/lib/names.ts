/** Names shared by the CDK app and scripts/deploy.ts (kept free of aws-cdk-lib imports). */
export const STACK_NAME = 'BackAndHipCoach';

/** Output keys, read back by scripts/deploy.ts from `cdk deploy --outputs-file`. */
export const OUTPUT_FUNCTION_ARN = 'FunctionArn';
export const OUTPUT_TABLE_NAME = 'TableName';
