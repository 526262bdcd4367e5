import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Conflict } from '../../domain/errors.ts';
import { message } from '../../i18n/index.ts';

// The backup file (formats: Backup file; operations: Backup and restore): a small header, the database's
// dump gzipped and then encrypted with AES-256-GCM under a key that scrypt derives from BACKUP_PASSPHRASE
// and the file's own salt, and GCM's tag last. The header is authenticated with the data (GCM's
// additional data) and holds a check value of the key, so a wrong passphrase is told apart from a
// damaged file. Both ways are streams: a database of any size passes through in small pieces.
//
//    0  magic "BBBACKUP"             8 bytes
//    8  format version (1)           1
//    9  database kind                1   1 PGlite, 2 PostgreSQL
//   10  scrypt log2 N, r, p          3
//   13  created at                   8   milliseconds since 1970, big-endian
//   21  salt                        16
//   37  iv                          12
//   49  key check                   16   HMAC-SHA256 of bytes 0–48 under the check key
//   65  ciphertext                   …
//  end  GCM tag                     16

export type DatabaseKind = 'pglite' | 'postgres';

export interface BackupMeta {
  kind: DatabaseKind;
  createdAt: Date;
}

const MAGIC = Buffer.from('BBBACKUP', 'ascii');
const VERSION = 1;
const KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];
const HEADER_BYTES = 65;
const CHECKED_BYTES = 49;
const TAG_BYTES = 16;
/** scrypt's cost: 2^17 × 8 × 128 bytes = 128 MiB of memory per derivation (OWASP's recommendation). */
const COST = { log2N: 17, r: 8, p: 1 };

/** Writes `data` to `path` (created with mode 0600) as a backup file. */
export async function encryptTo(
  path: string,
  passphrase: string,
  meta: BackupMeta,
  data: Readable,
): Promise<void> {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(VERSION, 8);
  header.writeUInt8(KINDS.indexOf(meta.kind) + 1, 9);
  header.writeUInt8(COST.log2N, 10);
  header.writeUInt8(COST.r, 11);
  header.writeUInt8(COST.p, 12);
  header.writeBigUInt64BE(BigInt(meta.createdAt.getTime()), 13);
  const salt = randomBytes(16);
  salt.copy(header, 21);
  const iv = randomBytes(12);
  iv.copy(header, 37);
  const keys = await deriveKeys(passphrase, salt, COST);
  keyCheck(keys.check, header).copy(header, CHECKED_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.data, iv).setAAD(header);
  await pipeline(
    data,
    createGzip(),
    cipher,
    async function* (encrypted: AsyncIterable<Buffer>) {
      yield header;
      yield* encrypted;
      yield cipher.getAuthTag();
    },
    createWriteStream(path, { mode: 0o600 }),
  );
}

/** What a backup file's header says; refuses a file that is not a backup, or of an unknown version. */
export async function readMeta(path: string): Promise<BackupMeta> {
  return (await readHeader(path)).meta;
}

/**
 * Decrypts and decompresses the backup at `path` into `out` (mode 0600). GCM's tag is checked as the
 * last piece is read: a wrong passphrase or a damaged file is refused, and `out` removed.
 */
export async function decryptTo(path: string, passphrase: string, out: string): Promise<BackupMeta> {
  const { header, meta, cost, size } = await readHeader(path);
  if (size < HEADER_BYTES + TAG_BYTES + 1) throw damaged();
  const keys = await deriveKeys(passphrase, header.subarray(21, 37), cost);
  const check = header.subarray(CHECKED_BYTES, HEADER_BYTES);
  if (!timingSafeEqual(check, keyCheck(keys.check, header))) {
    throw new Conflict(message('cli.restore.wrongPassphrase'), 'backup_wrong_passphrase');
  }
  const tag = Buffer.alloc(TAG_BYTES);
  const file = await open(path, 'r');
  try {
    await file.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await file.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.data, header.subarray(37, 49))
    .setAAD(header)
    .setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(path, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createGunzip(),
      createWriteStream(out, { mode: 0o600 }),
    );
  } catch {
    await rm(out, { force: true });
    throw damaged();
  }
  return meta;
}

interface Cost {
  log2N: number;
  r: number;
  p: number;
}

async function readHeader(
  path: string,
): Promise<{ header: Buffer; meta: BackupMeta; cost: Cost; size: number }> {
  const header = Buffer.alloc(HEADER_BYTES);
  let size: number;
  let read: number;
  try {
    const file = await open(path, 'r');
    try {
      size = (await file.stat()).size;
      ({ bytesRead: read } = await file.read(header, 0, HEADER_BYTES, 0));
    } finally {
      await file.close();
    }
  } catch {
    throw new Conflict(message('cli.restore.unreadable', { file: path }), 'backup_unreadable');
  }
  if (read < MAGIC.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Conflict(message('cli.restore.notABackup', { file: path }), 'backup_not_a_backup');
  }
  if (read < HEADER_BYTES) throw damaged();
  const version = header.readUInt8(8);
  if (version !== VERSION) {
    throw new Conflict(message('cli.restore.unknownVersion', { version }), 'backup_unknown_version');
  }
  const kind = KINDS[header.readUInt8(9) - 1];
  const cost = { log2N: header.readUInt8(10), r: header.readUInt8(11), p: header.readUInt8(12) };
  // A damaged header must not make scrypt ask for gigabytes.
  const costly = cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 16 || cost.p < 1 || cost.p > 4;
  if (!kind || costly) throw damaged();
  const createdAt = new Date(Number(header.readBigUInt64BE(13)));
  return { header, meta: { kind, createdAt }, cost, size };
}

function damaged(): Conflict {
  return new Conflict(message('cli.restore.damaged'), 'backup_damaged');
}

/** Two keys from the passphrase: one encrypts, one makes the check value. */
async function deriveKeys(
  passphrase: string,
  salt: Buffer,
  cost: Cost,
): Promise<{ data: Buffer; check: Buffer }> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  return { data: derived.subarray(0, 32), check: derived.subarray(32) };
}

function keyCheck(key: Buffer, header: Buffer): Buffer {
  return createHmac('sha256', key).update(header.subarray(0, CHECKED_BYTES)).digest().subarray(0, 16);
}
