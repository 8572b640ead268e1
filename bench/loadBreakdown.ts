import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLambda, REPO_ROOT } from '../scripts/build';

/** A partial bundle (or a plain script) whose load time shows what one part of the bundle costs. */
export interface LoadPart {
  readonly label: string;
  /** The `node -e` script that loads it. */
  readonly script: string;
}

/** The Node built-in modules the bundle requires (found in dist/lambda/index.js). */
const BUILTINS = [
  'node:http',
  'node:https',
  'node:crypto',
  'node:stream',
  'node:zlib',
  'node:os',
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:url',
  'node:util',
  'node:path',
];

const src = (path: string): string => JSON.stringify(join(REPO_ROOT, 'lambda', 'src', path));

/** The skill as index.ts builds it, without a store: ask-sdk, i18next, valibot, Powertools Metrics and the skill's own code. */
const SKILL_ONLY = `import { buildHandler } from ${src('skill')};
import { jsonLogger } from ${src('util/logger')};
import { emfMetrics } from ${src('util/metrics')};
import { alexaTimeZone } from ${src('util/timeZone')};
export const handler = buildHandler({ clock: Date.now, logger: jsonLogger(), metrics: emfMetrics(), timeZone: alexaTimeZone() });
`;

/** The store alone, constructed as the Lambda constructs it: the AWS SDK v3 DynamoDB clients. */
const STORE_ONLY = `import { userStoreFromEnv } from ${src('store/fromEnv')};
export const store = userStoreFromEnv({ TABLE_NAME: 'bench' });
`;

/** The session-attribute schemas alone, decoding once: what valibot adds (the skill part includes it). */
const VALIBOT_ONLY = `import * as v from 'valibot';
import { runSchema } from ${src('alexa/sessionSchema')};
export const ok = v.safeParse(runSchema, {}).success;
`;

/** EMF metrics as index.ts builds them (Powertools Metrics): shipped. */
const METRICS_ONLY = `import { emfMetrics } from ${src('util/metrics')};
export const metrics = emfMetrics();
`;

/**
 * Powertools Logger, built the way it would be used: not shipped. The skill's own JSON
 * logger (util/logger.ts) does the same here (request id, cold start, fixed fields); this
 * row is what switching would cost.
 */
const POWERTOOLS_LOGGER = `import { Logger } from '@aws-lambda-powertools/logger';
export const logger = new Logger({ serviceName: 'back-hip-coach' });
`;

/**
 * Builds the partial bundles with the same esbuild settings as `npm run build` (through
 * buildLambda with another entry), so their load times add up to the whole bundle's.
 */
export const buildLoadParts = async (workDir: string): Promise<LoadPart[]> => {
  const parts: LoadPart[] = [
    { label: 'Node built-ins the bundle uses', script: BUILTINS.map((m) => `require('${m}')`).join(';') },
  ];
  for (const [name, label, code] of [
    ['skill-only', 'skill without store (ask-sdk, i18next, own code)', SKILL_ONLY],
    ['store-only', 'store only (AWS SDK v3 DynamoDB client)', STORE_ONLY],
    ['valibot-only', 'valibot with the session schemas (inside the skill part)', VALIBOT_ONLY],
    ['metrics-only', 'Powertools Metrics (EMF, shipped)', METRICS_ONLY],
    ['powertools-logger', 'Powertools Logger (not shipped)', POWERTOOLS_LOGGER],
  ] as const) {
    const dir = join(workDir, name);
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, code);
    const { outfile } = await buildLambda({ entry, outdir: join(dir, 'out') });
    parts.push({ label, script: `require(${JSON.stringify(outfile)})` });
  }
  return parts;
};
