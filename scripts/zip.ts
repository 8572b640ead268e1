/**
 * The zip for the skill package upload (SMAPI skill-package import takes a zip), written by
 * fflate. It writes no zip64, so a package past zip's 65,535-entry / 4 GiB limits throws
 * here rather than becoming an archive no reader opens; a skill package is far below them.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated and relative (e.g. "assets/images/icon.png"). */
  readonly path: string;
  readonly data: Uint8Array;
}

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;
// 1980-01-01 00:00 local time, the earliest DOS date: a fixed stamp makes the archive
// reproducible (fflate writes the stamp's local-time fields, so any time zone gives the same bytes).
const FIXED_MTIME = new Date(1980, 0, 1);
const UNIX = 3;
// A regular file, rw-r--r--: the upper half of the external attributes on a Unix-made entry.
const UNIX_FILE_ATTRS = 0o100644 * 0x10000;

function checkPath(path: string): void {
  const parts = path.split('/');
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    parts.some((p) => p === '' || p === '..')
  ) {
    throw new Error(`"${path}" is not a relative '/'-separated path for a zip entry.`);
  }
}

/** The bytes of a zip archive holding `entries`, each deflated. */
export function zipFiles(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error('Too many files for a zip without zip64.');
  const total = entries.reduce((sum, { data }) => sum + data.length, 0);
  if (total > MAX_BYTES) throw new Error('Package too large for a zip without zip64.');
  const seen = new Set<string>();
  for (const { path } of entries) {
    checkPath(path);
    if (seen.has(path)) throw new Error(`"${path}" is in the package twice.`);
    seen.add(path);
  }
  // fromEntries defines own properties, so even a name like "__proto__" stays a file name.
  const files: Zippable = Object.fromEntries(
    entries.map(({ path, data }) => [path, [data, { mtime: FIXED_MTIME, os: UNIX, attrs: UNIX_FILE_ATTRS }]]),
  );
  return Buffer.from(zipSync(files, { level: 9 }));
}
