/**
 * A minimal zip writer for the skill package upload (SMAPI skill-package import takes a
 * zip). Each entry is deflated when that makes it smaller, stored otherwise. No zip64:
 * a skill package is far below its 4 GB / 65,535-entry limits, and larger input throws.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated and relative (e.g. "assets/images/icon.png"). */
  readonly path: string;
  readonly data: Uint8Array;
}

const STORE = 0;
const DEFLATE = 8;
const VERSION = 20; // 2.0: deflate; the lowest version any unzip needs for these entries
const MADE_BY_UNIX = (3 << 8) | VERSION;
const UNIX_FILE_MODE = 0o100644;
// 1980-01-01 00:00, the earliest DOS date: a fixed stamp makes the archive reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;

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

/** The bytes of a zip archive holding `entries` in the given order. */
export function zipFiles(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_U16) throw new Error('Too many files for a zip without zip64.');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const { path, data } of entries) {
    checkPath(path);
    const name = Buffer.from(path, 'utf8');
    const deflated = deflateRawSync(data);
    const [method, body] = deflated.length < data.length ? [DEFLATE, deflated] : [STORE, Buffer.from(data)];
    if (data.length > MAX_U32 || offset > MAX_U32)
      throw new Error('Package too large for a zip without zip64.');
    const crc = crc32(data);
    // Non-ASCII names need the UTF-8 flag (bit 11) to be read back as written.
    const flags = /^[\x20-\x7e]*$/.test(path) ? 0 : 0x0800;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((UNIX_FILE_MODE << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }

  const directory = Buffer.concat(centrals);
  if (offset > MAX_U32) throw new Error('Package too large for a zip without zip64.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // this disk and the directory's disk: 0
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  // comment length: 0
  return Buffer.concat([...locals, directory, end]);
}
