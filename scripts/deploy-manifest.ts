/**
 * The pure half of `npm run deploy`: from the stack outputs and the checked-in skill package,
 * produce the package that is uploaded (dist/skill-package/, then zipped). skill-package/skill.json
 * is never edited in place: the Lambda ARN differs per account and region.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { ZipEntry } from './zip';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+(:[A-Za-z0-9-_]+)?$/;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(root: JsonObject, path: readonly string[]): JsonObject | undefined {
  let node: JsonValue | undefined = root;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

/**
 * A copy of the skill.json envelope ({ "manifest": … }) whose custom-API endpoint and, when
 * the skill subscribes to events, events endpoint point at the function. Nothing else changes.
 */
export function withLambdaEndpoint(skillJson: JsonObject, functionArn: string): JsonObject {
  if (!LAMBDA_ARN.test(functionArn)) {
    throw new Error(`"${functionArn}" is not a Lambda function ARN.`);
  }
  const copy = structuredClone(skillJson);
  const custom = objectAt(copy, ['manifest', 'apis', 'custom']);
  if (custom === undefined) {
    throw new Error('skill.json has no manifest.apis.custom section: not a custom skill manifest.');
  }
  // A Lambda endpoint is just its ARN (sslCertificateType belongs to HTTPS endpoints).
  custom.endpoint = { uri: functionArn };
  const events = objectAt(copy, ['manifest', 'events']);
  if (events !== undefined) {
    events.endpoint = { uri: functionArn };
  }
  return copy;
}

/** A privacy policy address the store accepts: an absolute https:// URL. */
export function checkPrivacyPolicyUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'https:' || parsed.hostname === '') {
    throw new Error(`"${url}" is not an https:// address for the privacy policy (docs/PRIVACY.md).`);
  }
  return url;
}

/**
 * A copy of the skill.json envelope with `privacyPolicyUrl` set for every published locale
 * (the store requires one per locale of a skill that collects personal information); any
 * other per-locale privacy field already there is kept.
 */
export function withPrivacyPolicyUrl(skillJson: JsonObject, url: string): JsonObject {
  checkPrivacyPolicyUrl(url);
  const copy = structuredClone(skillJson);
  const privacy = objectAt(copy, ['manifest', 'privacyAndCompliance']);
  const published = objectAt(copy, ['manifest', 'publishingInformation', 'locales']);
  if (privacy === undefined || published === undefined) {
    throw new Error('skill.json has no privacyAndCompliance or published locales to give a privacy policy.');
  }
  const locales: JsonObject = isObject(privacy.locales) ? privacy.locales : {};
  for (const locale of Object.keys(published)) {
    const existing = locales[locale];
    locales[locale] = { ...(isObject(existing) ? existing : {}), privacyPolicyUrl: url };
  }
  privacy.locales = locales;
  return copy;
}

/** The function ARN from `cdk deploy --outputs-file` JSON: { "<stack>": { "<key>": value } }. */
export function readStackOutput(outputs: unknown, stackName: string, key: string): string {
  const stack = (outputs as Record<string, unknown> | null)?.[stackName];
  const value = (stack as Record<string, unknown> | null | undefined)?.[key];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`The deploy outputs have no ${stackName}.${key}; did \`cdk deploy\` succeed?`);
  }
  return value;
}

/** Interaction model files: interactionModels/custom/<locale>.json → locale. */
export function localeOfModelFile(fileName: string): string | undefined {
  const match = /^([a-z]{2}-[A-Z]{2})\.json$/.exec(fileName);
  return match?.[1];
}

export interface DeployPackage {
  readonly dir: string;
  readonly skillJson: JsonObject;
  /** locale → path of its interaction model in the deploy package. */
  readonly models: ReadonlyMap<string, string>;
}

const FILE_URI = 'file://';

/**
 * Package files the manifest points at ("file://assets/images/en-US_smallIconUri.png" →
 * "assets/images/en-US_smallIconUri.png"): skill-package import resolves these against the
 * root of the uploaded zip.
 */
export function packageFileReferences(skillJson: JsonValue): string[] {
  if (typeof skillJson === 'string')
    return skillJson.startsWith(FILE_URI) ? [skillJson.slice(FILE_URI.length)] : [];
  if (skillJson === null || typeof skillJson !== 'object') return [];
  const children = Array.isArray(skillJson) ? skillJson : Object.values(skillJson);
  return [...new Set(children.flatMap(packageFileReferences))];
}

/** References that would not resolve inside the package at `dir`. */
function unresolvedReferences(skillJson: JsonObject, dir: string): string[] {
  return packageFileReferences(skillJson).filter((path) => {
    const normal = posix.normalize(path);
    return (
      normal !== path || normal.startsWith('../') || normal.startsWith('/') || !existsSync(join(dir, path))
    );
  });
}

/** What the deploy fills into the checked-in manifest. */
export interface DeploySettings {
  readonly functionArn: string;
  readonly privacyPolicyUrl: string;
}

/**
 * Writes dist/skill-package/: skill.json with the function ARN and the privacy policy URL, a
 * copy of every interaction model and the assets/ folder (icons), so the upload reads one
 * self-contained folder.
 */
export function writeDeployPackage(
  sourceDir: string,
  outDir: string,
  { functionArn, privacyPolicyUrl }: DeploySettings,
): DeployPackage {
  const source = JSON.parse(readFileSync(join(sourceDir, 'skill.json'), 'utf8')) as JsonObject;
  const skillJson = withPrivacyPolicyUrl(withLambdaEndpoint(source, functionArn), privacyPolicyUrl);

  rmSync(outDir, { recursive: true, force: true });
  const modelsOut = join(outDir, 'interactionModels', 'custom');
  mkdirSync(modelsOut, { recursive: true });
  writeFileSync(join(outDir, 'skill.json'), `${JSON.stringify(skillJson, null, 2)}\n`);
  if (existsSync(join(sourceDir, 'assets'))) {
    cpSync(join(sourceDir, 'assets'), join(outDir, 'assets'), { recursive: true });
  }

  const modelsIn = join(sourceDir, 'interactionModels', 'custom');
  const models = new Map<string, string>();
  for (const file of readdirSync(modelsIn).sort()) {
    const locale = localeOfModelFile(file);
    if (locale === undefined) continue;
    copyFileSync(join(modelsIn, file), join(modelsOut, file));
    models.set(locale, join(modelsOut, file));
  }
  if (models.size === 0) {
    throw new Error(`No interaction models (<locale>.json) in ${modelsIn}.`);
  }
  // SMAPI would reject the import anyway, but only after the upload and a wait.
  const unresolved = unresolvedReferences(skillJson, outDir);
  if (unresolved.length > 0) {
    throw new Error(`skill.json refers to files missing from ${sourceDir}: ${unresolved.join(', ')}.`);
  }
  return { dir: outDir, skillJson, models };
}

/** Every file under `dir` as a zip entry named by its '/'-separated path from `dir`, sorted. */
export function readPackageFiles(dir: string): ZipEntry[] {
  const walk = (relative: string): ZipEntry[] =>
    readdirSync(join(dir, relative), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .flatMap((entry) => {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) return walk(path);
        return entry.isFile() ? [{ path, data: readFileSync(join(dir, path)) }] : [];
      });
  return walk('');
}

/** The ASK CLI's state file, beside ask-resources.json (which points the CLI at dist/skill-package). */
export const ASK_STATES_FILE = join('.ask', 'ask-states.json');
const ASK_STATES_VERSION = '2020-03-31';

/**
 * Names the skill in the ASK CLI's state file (profile "default"), so `ask deploy` updates
 * this skill rather than creating a new one and `ask dialog` talks to it. Whatever else the
 * CLI keeps there stays; a file naming another skill stops the deploy instead of being overwritten.
 */
export function writeAskStates(projectDir: string, skillId: string): string {
  const file = join(projectDir, ASK_STATES_FILE);
  const states: JsonObject = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as JsonObject)
    : { askcliStatesVersion: ASK_STATES_VERSION, profiles: {} };
  if (!isObject(states.profiles)) states.profiles = {};
  const profile = objectAt(states, ['profiles', 'default']) ?? {};
  if (typeof profile.skillId === 'string' && profile.skillId !== skillId) {
    throw new Error(
      `${ASK_STATES_FILE} is for skill ${profile.skillId}, not ${skillId}: remove it or deploy that skill.`,
    );
  }
  profile.skillId = skillId;
  states.profiles.default = profile;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(states, null, 2)}\n`);
  return file;
}
