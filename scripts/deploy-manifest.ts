/**
 * The pure half of `npm run deploy`: from the stack outputs and the checked-in skill package,
 * produce the package that is uploaded (dist/skill-package/). skill-package/skill.json is
 * never edited in place: the Lambda ARN differs per account and region.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Writes dist/skill-package/: skill.json with the function ARN, plus a copy of every
 * interaction model, so the upload (SMAPI or `ask deploy`) reads one self-contained folder.
 */
export function writeDeployPackage(sourceDir: string, outDir: string, functionArn: string): DeployPackage {
  const source = JSON.parse(readFileSync(join(sourceDir, 'skill.json'), 'utf8')) as JsonObject;
  const skillJson = withLambdaEndpoint(source, functionArn);

  rmSync(outDir, { recursive: true, force: true });
  const modelsOut = join(outDir, 'interactionModels', 'custom');
  mkdirSync(modelsOut, { recursive: true });
  writeFileSync(join(outDir, 'skill.json'), `${JSON.stringify(skillJson, null, 2)}\n`);

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
  return { dir: outDir, skillJson, models };
}
