/**
 * Uploads the deploy copy of the skill package through the Skill Management API (SMAPI) with
 * ask-smapi-sdk (already a devDependency, so no ask-cli install is needed): the manifest
 * first (it declares the locales and the endpoint), then one interaction model per locale,
 * waiting for each to finish building.
 */
import { StandardSmapiClientBuilder, type RefreshTokenConfig } from 'ask-smapi-sdk';
import type { v1 } from 'ask-smapi-model';
import { readFileSync } from 'node:fs';
import type { DeployPackage } from './deploy-manifest';

export const SKILL_STAGE = 'development';

/** Login with Amazon credentials for SMAPI, read from the environment. */
export function readSmapiCredentials(env: NodeJS.ProcessEnv): RefreshTokenConfig {
  const clientId = env.ASK_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.ASK_CLIENT_SECRET?.trim() ?? '';
  const refreshToken = env.ASK_REFRESH_TOKEN?.trim() ?? '';
  const missing = [
    ['ASK_CLIENT_ID', clientId],
    ['ASK_CLIENT_SECRET', clientSecret],
    ['ASK_REFRESH_TOKEN', refreshToken],
  ]
    .filter(([, value]) => value === '')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.join(', ')} for the Skill Management API (see docs/DEPLOY.md, "SMAPI credentials").`,
    );
  }
  return { clientId, clientSecret, refreshToken };
}

export type BuildState = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';

export interface UpdateOutcome {
  readonly state: BuildState;
  readonly errors: readonly string[];
}

interface LastUpdate {
  readonly status?: string;
  readonly errors?: ReadonlyArray<{ readonly message?: string }>;
}

function outcomeOf(last: LastUpdate | undefined): UpdateOutcome {
  const errors = (last?.errors ?? []).map((error) => error.message ?? 'unknown error');
  const status = last?.status;
  const state: BuildState = status === 'SUCCEEDED' || status === 'FAILED' ? status : 'IN_PROGRESS';
  return { state, errors };
}

/** Where the last manifest update stands, from getSkillStatusV1(skillId, 'manifest'). */
export function manifestOutcome(status: v1.skill.SkillStatus): UpdateOutcome {
  return outcomeOf(status.manifest?.lastUpdateRequest);
}

/** Where the last model build for a locale stands, from getSkillStatusV1(skillId, 'interactionModel'). */
export function modelOutcome(status: v1.skill.SkillStatus, locale: string): UpdateOutcome {
  return outcomeOf(status.interactionModel?.[locale]?.lastUpdateRequest);
}

/** SMAPI errors carry the useful part (a message and violations) in `response`. */
export function describeSmapiError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'response' in error) {
    const { response, statusCode } = error as { response?: unknown; statusCode?: number };
    return `SMAPI ${statusCode ?? ''} ${JSON.stringify(response)}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilDone(
  what: string,
  poll: () => Promise<UpdateOutcome>,
  { intervalMs = 3000, attempts = 100 } = {},
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const outcome = await poll();
    if (outcome.state === 'SUCCEEDED') return;
    if (outcome.state === 'FAILED') {
      throw new Error(`${what} failed:\n  ${outcome.errors.join('\n  ')}`);
    }
    await sleep(intervalMs);
  }
  throw new Error(`${what} did not finish in time; check the Alexa developer console.`);
}

export async function deploySkillPackage(
  skillId: string,
  pkg: DeployPackage,
  credentials: RefreshTokenConfig,
  log: (line: string) => void = console.log,
): Promise<void> {
  const smapi = new StandardSmapiClientBuilder().withRefreshTokenConfig(credentials).client();
  const status = (resource: string) => smapi.getSkillStatusV1(skillId, resource);

  try {
    log(`Updating the skill manifest of ${skillId} (${SKILL_STAGE})…`);
    await smapi.updateSkillManifestV1(
      skillId,
      SKILL_STAGE,
      pkg.skillJson as v1.skill.Manifest.SkillManifestEnvelope,
    );
    await waitUntilDone('Manifest update', async () => manifestOutcome(await status('manifest')));

    for (const [locale, path] of pkg.models) {
      log(`Uploading and building the ${locale} interaction model…`);
      const model = JSON.parse(readFileSync(path, 'utf8')) as v1.skill.interactionModel.InteractionModelData;
      await smapi.setInteractionModelV1(skillId, SKILL_STAGE, locale, model);
      await waitUntilDone(`The ${locale} model build`, async () =>
        modelOutcome(await status('interactionModel'), locale),
      );
    }
  } catch (error) {
    throw new Error(describeSmapiError(error));
  }
  log('Skill package deployed.');
}
