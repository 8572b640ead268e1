import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambda, findForbiddenInputs, type BuildResult } from '../../scripts/build';

const inputs = (...paths: string[]) => ({ inputs: Object.fromEntries(paths.map((p) => [p, {}])) }) as never;

describe('bundle guard', () => {
  it('accepts skill code and its runtime dependencies', () => {
    expect(
      findForbiddenInputs(
        inputs(
          'lambda/src/index.ts',
          'lambda/src/store/dynamo.ts',
          'node_modules/ask-sdk-core/dist/index.js',
        ),
      ),
    ).toEqual([]);
  });

  it('flags the local console, dynalite, virtual-alexa and tests', () => {
    expect(
      findForbiddenInputs(
        inputs(
          'lambda/src/index.ts',
          'lambda/src/console/main.ts',
          'node_modules/dynalite/index.js',
          'node_modules/virtual-alexa/lib/src/Index.js',
          'tests/support/dynalite.ts',
        ),
      ),
    ).toEqual([
      'lambda/src/console/main.ts',
      'node_modules/dynalite/index.js',
      'node_modules/virtual-alexa/lib/src/Index.js',
      'tests/support/dynalite.ts',
    ]);
  });
});

describe('buildLambda', () => {
  const work = mkdtempSync(join(tmpdir(), 'coach-build-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails, and leaves nothing to deploy, when the entry reaches dynalite', async () => {
    const entry = join(work, 'leaky.ts');
    writeFileSync(entry, "import dynalite from 'dynalite';\nexport const handler = () => dynalite;\n");
    const outdir = join(work, 'leaky-out');
    await expect(buildLambda({ entry, outdir })).rejects.toThrow(/node_modules\/dynalite\//);
    expect(existsSync(join(outdir, 'index.js'))).toBe(false);
  });

  describe('the real skill entry (lambda/src/index.ts)', () => {
    let result: BuildResult;
    beforeAll(async () => {
      result = await buildLambda({ outdir: join(work, 'skill') });
    });

    it('is one CommonJS file that exports the Lambda handler', () => {
      // A fresh require, as the Lambda runtime loads it (CommonJS, handler export).
      const loaded = createRequire(__filename)(result.outfile) as { handler?: unknown };
      expect(typeof loaded.handler).toBe('function');
    });

    it('writes a metafile with no local-only code in it', () => {
      const meta = JSON.parse(readFileSync(result.metafilePath, 'utf8'));
      expect(Object.keys(meta.inputs)).toContain('lambda/src/index.ts');
      expect(findForbiddenInputs(meta)).toEqual([]);
      expect(result.bytes).toBeGreaterThan(0);
    });
  });
});
