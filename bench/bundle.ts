import { readFileSync } from 'node:fs';
import type { Metafile } from 'esbuild';
import { buildLambda, type BuildResult } from '../scripts/build';
import { atMost, kib, table, type Verdict } from './stats';

/** The Lambda bundle's size budget: 500 KiB, as `npm run build` prints sizes in KiB. */
export const TARGET_BUNDLE_BYTES = 500 * 1024;

/**
 * Parts of the AWS SDK's default credential chain that Lambda never needs (it hands the
 * function its role's credentials in environment variables): SSO, INI files, web identity,
 * processes, IMDS, and the STS/SSO clients they bring.
 */
const CREDENTIAL_CHAIN = [
  /^@aws-sdk\/credential-provider-(node|ini|sso|login|process|web-identity|http)$/,
  /^@aws-sdk\/nested-clients$/,
  /^@aws-sdk\/token-providers$/,
  /^@smithy\/credential-provider-imds$/,
];

/** Who a bundled file belongs to: its npm package, or the project folder under lambda/src. */
export const ownerOf = (input: string): string => {
  const path = input.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg?.[1]) return pkg[1];
  const own = /lambda\/src\/([^/]+)/.exec(path);
  return own?.[1] ? `lambda/src/${own[1]}${own[1].endsWith('.ts') ? '' : '/'}` : path;
};

export interface BundleResult {
  readonly build: BuildResult;
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/** Figure 3: builds dist/lambda/index.js as `npm run build` does, and weighs it by package. */
export const measureBundle = async (): Promise<BundleResult> => {
  const started = Date.now();
  const build = await buildLambda();
  const buildMs = Date.now() - started;
  const metafile = JSON.parse(readFileSync(build.metafilePath, 'utf8')) as Metafile;
  const output = Object.values(metafile.outputs)[0];
  const byOwner = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    byOwner.set(ownerOf(input), (byOwner.get(ownerOf(input)) ?? 0) + bytesInOutput);
  }
  const ranked = [...byOwner].sort((a, b) => b[1] - a[1]);
  const share = (bytes: number) => `${((bytes / build.bytes) * 100).toFixed(1)}%`;
  const group = (test: (owner: string) => boolean) =>
    ranked.filter(([owner]) => test(owner)).reduce((n, [, bytes]) => n + bytes, 0);
  const aws = group(
    (o) => o.startsWith('@aws-sdk/') || o.startsWith('@smithy/') || o.startsWith('@aws-crypto/'),
  );
  const chain = group((o) => CREDENTIAL_CHAIN.some((re) => re.test(o)));
  const own = group((o) => o.startsWith('lambda/src/'));
  const ask = group((o) => o.startsWith('ask-sdk'));
  const report = [
    `${build.outfile}: ${kib(build.bytes)} (${build.bytes} bytes), minified, built in ${buildMs} ms.`,
    '',
    'Largest contributors (bytes in the output, from the esbuild metafile):',
    table(
      ['package / folder', 'size', 'share'],
      ranked.slice(0, 12).map(([owner, bytes]) => [owner, kib(bytes), share(bytes)]),
    ),
    '',
    `By origin: AWS SDK v3 (@aws-sdk, @smithy) ${kib(aws)} (${share(aws)}), ask-sdk* ${kib(ask)} (${share(ask)}), ` +
      `i18next ${kib(byOwner.get('i18next') ?? 0)}, the skill's own code ${kib(own)} (${share(own)}), ` +
      `other ${kib(build.bytes - aws - ask - own - (byOwner.get('i18next') ?? 0))}.`,
    `Of the AWS SDK, the default credential chain beyond environment variables (SSO, INI, web identity, ` +
      `IMDS, STS/SSO clients) is ${kib(chain)} (${share(chain)}): code Lambda never runs.`,
  ].join('\n');
  return { build, verdicts: [atMost('Bundle size', build.bytes, TARGET_BUNDLE_BYTES, kib)], report };
};
