/** Settings the CDK app reads from context (`-c key=value` / cdk.json) and the environment. */
export interface AppConfig {
  readonly skillId: string;
  readonly region: string;
  /** Undefined offline: the stack is then account-agnostic, which synth needs no lookup for. */
  readonly account: string | undefined;
  readonly alarmEmail: string | undefined;
}

/** Regions Alexa can call a Lambda endpoint in; us-east-1 serves North America. */
export const ALEXA_LAMBDA_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1'] as const;
export const DEFAULT_REGION = 'us-east-1';

const SKILL_ID = /^amzn1\.ask\.skill\.[0-9a-zA-Z-]+$/;

export type ContextReader = (key: string) => unknown;

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function readAppConfig(context: ContextReader, env: NodeJS.ProcessEnv): AppConfig {
  const skillId = optionalString(context('skillId'));
  if (skillId === undefined) {
    throw new Error(
      'Missing the Alexa skill id. Pass it as CDK context, e.g.\n' +
        '  npx cdk synth -c skillId=amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n' +
        '(npm run deploy passes SKILL_ID for you). Only this skill may invoke the function.',
    );
  }
  if (!SKILL_ID.test(skillId)) {
    throw new Error(`The skill id "${skillId}" does not look like amzn1.ask.skill.<id>.`);
  }
  const region =
    optionalString(context('region')) ?? optionalString(env.CDK_DEFAULT_REGION) ?? DEFAULT_REGION;
  if (!(ALEXA_LAMBDA_REGIONS as readonly string[]).includes(region)) {
    throw new Error(
      `Alexa can only call Lambda endpoints in ${ALEXA_LAMBDA_REGIONS.join(', ')}; got region "${region}".`,
    );
  }
  return {
    skillId,
    region,
    account: optionalString(env.CDK_DEFAULT_ACCOUNT),
    alarmEmail: optionalString(context('alarmEmail')),
  };
}
