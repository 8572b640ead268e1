/**
 * `npm run build`: bundles the Lambda entry (lambda/src/index.ts) into dist/lambda/index.js.
 *
 * One minified CommonJS file for Node 22 on Lambda. `mainFields: module,main` prefers the
 * ES-module builds of ask-sdk / AWS SDK v3 / i18next: they tree-shake better, so the bundle
 * is smaller and loads faster on a cold start (measured, see DESIGN.md).
 * The metafile (dist/lambda/meta.json) is checked so that the local console, dynalite,
 * virtual-alexa and tests can never ride along into the function.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuildOptions {
  /** Entry file; defaults to lambda/src/index.ts in the repository. */
  readonly entry?: string;
  /** Output directory; defaults to dist/lambda in the repository. */
  readonly outdir?: string;
}

export interface BuildResult {
  readonly outfile: string;
  readonly metafilePath: string;
  readonly bytes: number;
}

export const REPO_ROOT = resolve(__dirname, '..');
export const DEFAULT_ENTRY = join(REPO_ROOT, 'lambda', 'src', 'index.ts');
export const DEFAULT_OUTDIR = join(REPO_ROOT, 'dist', 'lambda');

/**
 * Path fragments (as esbuild writes them in metafile inputs, relative to the repository,
 * forward slashes) that must never be part of the Lambda bundle.
 */
export const FORBIDDEN_INPUTS: readonly string[] = [
  'lambda/src/console/',
  'node_modules/dynalite/',
  'node_modules/virtual-alexa/',
  'tests/',
  'bench/',
];

/** The metafile inputs that come from a forbidden place (empty when the bundle is clean). */
export function findForbiddenInputs(metafile: Pick<Metafile, 'inputs'>): string[] {
  return Object.keys(metafile.inputs).filter((input) => {
    const normalised = input.replace(/\\/g, '/');
    // Inputs are repo-relative ("tests/x.ts") or nested ("../node_modules/..."), so match
    // a fragment at the start of the path or right after a slash.
    return FORBIDDEN_INPUTS.some(
      (fragment) => normalised.startsWith(fragment) || normalised.includes(`/${fragment}`),
    );
  });
}

/** Lambda's credentials come from its environment: bundle only that provider (see the shim). */
const lambdaCredentialsOnly: Plugin = {
  name: 'lambda-credentials-only',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: join(REPO_ROOT, 'scripts', 'lambda-shims', 'credential-provider-node.ts'),
    }));
  },
};

export async function buildLambda(options: BuildOptions = {}): Promise<BuildResult> {
  const entry = options.entry ?? DEFAULT_ENTRY;
  const outdir = options.outdir ?? DEFAULT_OUTDIR;
  const outfile = join(outdir, 'index.js');
  const metafilePath = join(outdir, 'meta.json');

  // A clean directory: dist/lambda is the Lambda asset, so leftovers would be deployed.
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });

  const result = await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: REPO_ROOT,
    // Lets an entry outside the repository (a test fixture in a temp dir) resolve packages.
    nodePaths: [join(REPO_ROOT, 'node_modules')],
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    bundle: true,
    minify: true,
    mainFields: ['module', 'main'],
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [lambdaCredentialsOnly],
  });

  const forbidden = findForbiddenInputs(result.metafile);
  if (forbidden.length > 0) {
    // Remove the output so a bad bundle cannot be deployed by accident.
    rmSync(outdir, { recursive: true, force: true });
    const shown = forbidden.slice(0, 10).join('\n  ');
    const more = forbidden.length > 10 ? `\n  … and ${forbidden.length - 10} more` : '';
    throw new Error(
      `The Lambda bundle must not contain local-only code, but it includes:\n  ${shown}${more}\n` +
        'Something imported from lambda/src/index.ts reaches the console, dynalite, virtual-alexa or tests.',
    );
  }

  writeFileSync(metafilePath, JSON.stringify(result.metafile));
  return { outfile, metafilePath, bytes: statSync(outfile).size };
}

export function formatSize(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)`;
}

async function main(): Promise<void> {
  const { outfile, bytes } = await buildLambda();
  console.log(`Lambda bundle: ${outfile} — ${formatSize(bytes)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
