/**
 * Uploads the deploy copy of the skill package through the Skill Management API (SMAPI) with
 * ask-smapi-sdk (already a devDependency, so no ask-cli install is needed), the way
 * `ask deploy` does: one zip of the whole package (manifest, interaction models, icons) is
 * PUT to an upload URL and imported into the skill's development stage. Only skill-package
 * import resolves the manifest's file:// icon references; updateSkillManifestV1 needs https.
 */
import { StandardSmapiClientBuilder, type RefreshTokenConfig } from 'ask-smapi-sdk';
import type { v1 } from 'ask-smapi-model';

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

/** The SMAPI calls a package import needs: a slice of the ask-smapi-sdk client, so tests can fake it. */
export interface SkillPackageApi {
  createUploadUrlV1(): Promise<v1.skill.UploadResponse>;
  /** The `call…` form, because the import id only comes back in the Location header. */
  callImportSkillPackageV1(
    request: v1.skill.UpdateSkillWithPackageRequest,
    skillId: string,
  ): Promise<{ readonly headers: ReadonlyArray<{ readonly key: string; readonly value: string }> }>;
  getImportStatusV1(importId: string): Promise<v1.skill.ImportResponse>;
}

export function smapiClient(credentials: RefreshTokenConfig): SkillPackageApi {
  return new StandardSmapiClientBuilder().withRefreshTokenConfig(credentials).client();
}

export type BuildState = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';

export interface UpdateOutcome {
  readonly state: BuildState;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

type Problems = ReadonlyArray<{ readonly message?: string }> | undefined;

const messages = (problems: Problems, prefix = ''): string[] =>
  (problems ?? []).map((problem) => `${prefix}${problem.message ?? 'unknown error'}`);

/**
 * Where an import stands, from getImportStatusV1. Like `ask deploy`, anything that is no
 * longer IN_PROGRESS and not SUCCEEDED (FAILED, a rollback) is a failure. Problems are
 * collected from the import and from each resource (manifest, interactionModels.en_US, …).
 */
export function importOutcome(status: v1.skill.ImportResponse): UpdateOutcome {
  const resources = status.skill?.resources ?? [];
  const named = (name: string | undefined) => (name === undefined ? '' : `${name}: `);
  const errors = [
    ...messages(status.errors),
    ...resources.flatMap((resource) => messages(resource.errors, named(resource.name))),
  ];
  const warnings = [
    ...messages(status.warnings),
    ...resources.flatMap((resource) => messages(resource.warnings, named(resource.name))),
  ];
  const state: BuildState =
    status.status === undefined || status.status === 'IN_PROGRESS'
      ? 'IN_PROGRESS'
      : status.status === 'SUCCEEDED'
        ? 'SUCCEEDED'
        : 'FAILED';
  return {
    state,
    errors: state === 'FAILED' && errors.length === 0 ? [`import ended ${status.status}`] : errors,
    warnings,
  };
}

/** The import id from the import's Location header (/v1/skills/imports/{importId}). */
export function importIdFromHeaders(
  headers: ReadonlyArray<{ readonly key: string; readonly value: string }>,
): string {
  const location = headers.find((header) => header.key.toLowerCase() === 'location')?.value ?? '';
  const importId = location.split('/').filter(Boolean).pop();
  if (importId === undefined) {
    throw new Error('SMAPI accepted the import but sent no Location header to follow it.');
  }
  return importId;
}

/** SMAPI errors carry the useful part (a message and violations) in `response`. */
export function describeSmapiError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'response' in error) {
    const { response, statusCode } = error as { response?: unknown; statusCode?: number };
    return `SMAPI ${statusCode ?? ''} ${JSON.stringify(response)}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

export interface PollOptions {
  readonly intervalMs?: number;
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until the outcome is final; returns it when it SUCCEEDED, throws with its errors otherwise. */
export async function waitUntilDone(
  what: string,
  poll: () => Promise<UpdateOutcome>,
  { intervalMs = 3000, attempts = 100, sleep = sleepFor }: PollOptions = {},
): Promise<UpdateOutcome> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const outcome = await poll();
    if (outcome.state === 'SUCCEEDED') return outcome;
    if (outcome.state === 'FAILED') {
      throw new Error(`${what} failed:\n  ${outcome.errors.join('\n  ')}`);
    }
    await sleep(intervalMs);
  }
  throw new Error(`${what} did not finish in time; check the Alexa developer console.`);
}

/** PUT of the zip to the pre-signed upload URL (plain HTTP, no SMAPI token: the URL is the grant). */
export async function uploadPackage(url: string, zip: Uint8Array): Promise<void> {
  const response = await fetch(url, { method: 'PUT', body: zip, signal: AbortSignal.timeout(120_000) });
  if (!response.ok) {
    throw new Error(`Uploading the skill package failed: HTTP ${response.status} ${await response.text()}`);
  }
}

export interface DeploySkillOptions extends PollOptions {
  readonly log?: (line: string) => void;
  readonly upload?: (url: string, zip: Uint8Array) => Promise<void>;
}

/** Uploads the zipped package and imports it into the skill's development stage. */
export async function deploySkillPackage(
  skillId: string,
  zip: Uint8Array,
  api: SkillPackageApi,
  { log = console.log, upload = uploadPackage, ...poll }: DeploySkillOptions = {},
): Promise<void> {
  try {
    const { uploadUrl } = await api.createUploadUrlV1();
    if (uploadUrl === undefined) throw new Error('SMAPI returned no upload URL.');
    log(`Uploading the skill package (${Math.ceil(zip.length / 1024)} KB)…`);
    await upload(uploadUrl, zip);

    log(`Importing it into ${skillId} (development stage)…`);
    const response = await api.callImportSkillPackageV1({ location: uploadUrl }, skillId);
    const importId = importIdFromHeaders(response.headers);
    const outcome = await waitUntilDone(
      'The skill package import',
      async () => importOutcome(await api.getImportStatusV1(importId)),
      poll,
    );
    for (const warning of outcome.warnings) log(`  warning: ${warning}`);
  } catch (error) {
    throw new Error(describeSmapiError(error));
  }
  log('Skill package deployed.');
}
