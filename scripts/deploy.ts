/**
 * `npm run deploy`: build the bundle, deploy the stack, point the skill at the function and
 * import the skill package (manifest, interaction models, icons) as one zip. Steps and
 * prerequisites: docs/DEPLOY.md.
 *
 *   SKILL_ID=amzn1.ask.skill.… ASK_CLIENT_ID=… ASK_CLIENT_SECRET=… ASK_REFRESH_TOKEN=… npm run deploy
 *   npm run deploy -- --yes           no approval prompt for IAM changes (CI)
 *   npm run deploy -- --skip-skill    stack only (no SMAPI credentials needed)
 *   npm run deploy -- --skip-infra    skill package only, against the deployed stack's outputs
 *   npm run deploy -- --no-upload     write dist/skill-package but leave its upload to `ask deploy`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_FUNCTION_ARN, STACK_NAME } from '../infrastructure/lib/names';
import { buildLambda, formatSize, REPO_ROOT } from './build';
import {
  checkPrivacyPolicyUrl,
  readPackageFiles,
  readStackOutput,
  writeAskStates,
  writeDeployPackage,
} from './deploy-manifest';
import { deploySkillPackage, readSmapiCredentials, smapiClient } from './deploy-smapi';
import { zipFiles } from './zip';

export interface DeployOptions {
  readonly skillId: string;
  /** Where the store listing's privacy policy is (docs/PRIVACY.md, published); needed to write the package. */
  readonly privacyPolicyUrl: string | undefined;
  readonly alarmEmail: string | undefined;
  readonly approve: boolean;
  readonly infra: boolean;
  readonly skill: boolean;
  /** Import the package through SMAPI (else it is only written, for the ASK CLI). */
  readonly upload: boolean;
}

export const OUTPUTS_FILE = join(REPO_ROOT, 'dist', 'cdk-outputs.json');
export const SKILL_PACKAGE_SOURCE = join(REPO_ROOT, 'skill-package');
export const SKILL_PACKAGE_OUT = join(REPO_ROOT, 'dist', 'skill-package');
export const SKILL_PACKAGE_ZIP = join(REPO_ROOT, 'dist', 'skill-package.zip');

/** Options from the command line, the environment, and cdk.json's context as a fallback. */
export function parseDeployOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  cdkContext: Record<string, unknown> = {},
): DeployOptions {
  const known = new Set(['--yes', '--skip-skill', '--skip-infra', '--no-upload']);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`Unknown option(s): ${unknown.join(' ')}`);

  const fromContext = typeof cdkContext.skillId === 'string' ? cdkContext.skillId : '';
  const skillId = (env.SKILL_ID ?? '').trim() || fromContext.trim();
  if (skillId === '') {
    throw new Error('Set SKILL_ID to the skill id (amzn1.ask.skill.…) from the Alexa developer console.');
  }
  const infra = !argv.includes('--skip-infra');
  const skill = !argv.includes('--skip-skill');
  if (!infra && !skill) throw new Error('--skip-infra and --skip-skill together leave nothing to do.');
  const privacyFromContext =
    typeof cdkContext.privacyPolicyUrl === 'string' ? cdkContext.privacyPolicyUrl : '';
  const privacyPolicyUrl = (env.PRIVACY_POLICY_URL ?? '').trim() || privacyFromContext.trim();
  if (skill && privacyPolicyUrl === '') {
    throw new Error(
      'Set PRIVACY_POLICY_URL (or privacyPolicyUrl in cdk.json context) to the https:// address where ' +
        'docs/PRIVACY.md is published: the skill keeps progress per user, so its listing needs one.',
    );
  }
  return {
    skillId,
    privacyPolicyUrl: skill ? checkPrivacyPolicyUrl(privacyPolicyUrl) : undefined,
    alarmEmail: env.ALARM_EMAIL?.trim() || undefined,
    approve: argv.includes('--yes'),
    infra,
    skill,
    upload: skill && !argv.includes('--no-upload'),
  };
}

/** Arguments for `cdk deploy`: the skill id as context, outputs written where we read them. */
export function cdkDeployArgs(options: DeployOptions, outputsFile: string): string[] {
  return [
    'deploy',
    STACK_NAME,
    '-c',
    `skillId=${options.skillId}`,
    ...(options.alarmEmail === undefined ? [] : ['-c', `alarmEmail=${options.alarmEmail}`]),
    '--outputs-file',
    outputsFile,
    ...(options.approve ? ['--require-approval', 'never'] : []),
  ];
}

function readCdkContext(): Record<string, unknown> {
  const file = join(REPO_ROOT, 'cdk.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> };
  return json.context ?? {};
}

async function main(): Promise<void> {
  const options = parseDeployOptions(process.argv.slice(2), process.env, readCdkContext());
  // Fail before the long stack deploy, not after it.
  const credentials = options.upload ? readSmapiCredentials(process.env) : undefined;

  if (options.infra) {
    const { outfile, bytes } = await buildLambda();
    console.log(`Lambda bundle: ${outfile} — ${formatSize(bytes)}`);
    mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true });
    const cdk = join(REPO_ROOT, 'node_modules', '.bin', 'cdk');
    const result = spawnSync(cdk, cdkDeployArgs(options, OUTPUTS_FILE), { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('cdk deploy failed (see above).');
  }

  if (!existsSync(OUTPUTS_FILE)) {
    throw new Error(`No ${OUTPUTS_FILE}: deploy the stack first (npm run deploy without --skip-infra).`);
  }
  const outputs: unknown = JSON.parse(readFileSync(OUTPUTS_FILE, 'utf8'));
  const functionArn = readStackOutput(outputs, STACK_NAME, OUTPUT_FUNCTION_ARN);
  console.log(`Function: ${functionArn}`);
  const { privacyPolicyUrl } = options;
  if (!options.skill || privacyPolicyUrl === undefined) return;

  const pkg = writeDeployPackage(SKILL_PACKAGE_SOURCE, SKILL_PACKAGE_OUT, { functionArn, privacyPolicyUrl });
  console.log(`ASK CLI project state: ${writeAskStates(REPO_ROOT, options.skillId)}`);
  if (credentials === undefined) {
    console.log(
      `Skill package with the function endpoint: ${pkg.dir} (upload: ask deploy --target skill-metadata)`,
    );
    return;
  }
  // Kept on disk so a failed import can be inspected (or imported by hand) afterwards.
  const zip = zipFiles(readPackageFiles(pkg.dir));
  writeFileSync(SKILL_PACKAGE_ZIP, zip);
  console.log(`Skill package with the function endpoint: ${pkg.dir} → ${SKILL_PACKAGE_ZIP}`);
  await deploySkillPackage(options.skillId, zip, smapiClient(credentials));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
