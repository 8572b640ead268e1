import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readAppConfig } from './app-config';
import { CoachStack } from './coach-stack';
import { STACK_NAME } from './names';

export interface CoachAppOptions {
  /** Directory with the bundled index.js (dist/lambda for real deployments). */
  readonly lambdaCodePath: string;
  /** Extra CDK context (tests pass skillId here; the CLI passes it with -c). */
  readonly context?: Record<string, unknown>;
  /** Where the cloud assembly goes; the CLI sets it through the environment. */
  readonly outdir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The whole CDK app: one stack, checked by cdk-nag's AWS Solutions rules on every synth.
 * cdk-nag 3 is a policy validation plugin: an unacknowledged finding fails the synth, and
 * each acknowledgement (Validations.of(x).acknowledge) carries its reason next to the code.
 */
export function createCoachApp(options: CoachAppOptions): { app: App; stack: CoachStack } {
  if (!existsSync(join(options.lambdaCodePath, 'index.js'))) {
    throw new Error(
      `No Lambda bundle at ${join(options.lambdaCodePath, 'index.js')}. Run \`npm run build\` first.`,
    );
  }
  const app = new App({
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
  });
  const config = readAppConfig((key) => app.node.tryGetContext(key), options.env ?? process.env);
  const stack = new CoachStack(app, STACK_NAME, {
    env: { account: config.account, region: config.region },
    description: 'Back & Hip Coach Alexa skill: table, function, Alexa trigger, alarms',
    skillId: config.skillId,
    lambdaCodePath: options.lambdaCodePath,
    alarmEmail: config.alarmEmail,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
