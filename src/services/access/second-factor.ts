import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import {
  confirmTotp,
  findTotp,
  insertPendingSignIn,
  putRecoveryCodes,
  putTotp,
  useRecoveryCode,
  useTotpStep,
} from '../../db/repositories/second-factor.repository.ts';
import { ValidationFailed } from '../../domain/errors.ts';
import { base32Encode, matchingStep, newTotpSecret, otpauthUri, totpDigits } from '../../domain/totp.ts';
import { message } from '../../i18n/index.ts';
import type { ServiceDeps } from '../context.ts';
import { fieldErrors, plainText, say } from '../form-fields.ts';
import { keyedHash, newOneTimeCode, newToken, normaliseCode, tokenHash } from './tokens.ts';

// The parts of the second factor (spec: Staff log-in; ADR 0015) that the password log-in and the
// second-factor service share: the secret at rest, the recovery codes' hashes, and the log-in that waits
// for its second step.

/** How long a log-in waits for its second step after the right password. */
export const PENDING_SIGN_IN_MS = 5 * 60_000;

/** What the log-in's second step is: a code from the app, or enrolling one first (production). */
export type SecondStep = 'code' | 'enrol';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const STORED = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9+/]+={0,2})$/;

interface SecretKey {
  id: string;
  cipher: Buffer;
}

/**
 * The key the TOTP secrets are encrypted under: derived with HKDF from SESSION_SECRET, so it needs no
 * configuration of its own, and named by an id derived the same way, which tells nothing of the key.
 */
function secretKey(sessionSecret: Buffer): SecretKey {
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), info, length));
  return {
    id: derive('borgerbudget totp key id', 4).toString('hex'),
    cipher: derive('borgerbudget totp secret', 32),
  };
}

/** The stored form: 'v1.' + key id + '.' + base64(iv | tag | ciphertext); the user's id is in the AAD. */
function sealSecret(deps: ServiceDeps, userId: string, secret: Buffer): string {
  const key = secretKey(deps.secrets.session);
  const header = `v1.${key.id}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.cipher, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${header}.${userId}`));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return `${header}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
}

/**
 * The secret, or null when it cannot be read: written under another SESSION_SECRET (rotated), damaged, or
 * another user's. An unreadable enrolment counts as none (ADR 0015).
 */
function openSecret(deps: ServiceDeps, userId: string, stored: string): Buffer | null {
  const key = secretKey(deps.secrets.session);
  const [, id, payload = ''] = STORED.exec(stored) ?? [];
  if (id !== key.id) return null;
  const blob = Buffer.from(payload, 'base64');
  if (blob.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.cipher, blob.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(`v1.${id}.${userId}`));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A recovery code's keyed hash, for this user only. */
function recoveryCodeHash(deps: ServiceDeps, userId: string, code: string): string {
  return keyedHash(deps.secrets.session, `totp-recovery:${userId}:${normaliseCode(code)}`);
}

/** The user's confirmed, readable secret and the last step used, if they have a second factor. */
export async function confirmedSecret(
  deps: ServiceDeps,
  tx: Tx,
  userId: string,
): Promise<{ secret: Buffer; lastStep: number | null } | null> {
  const row = await findTotp(tx, userId);
  if (!row?.confirmed_at) return null;
  const secret = openSecret(deps, userId, row.secret);
  return secret && { secret, lastStep: row.last_step };
}

/** Starts setting up a new secret, replacing any earlier one. */
export async function startTotp(
  deps: ServiceDeps,
  tx: Tx,
  user: { id: string; municipality_id: number | null },
  at: Date,
): Promise<void> {
  const secret = sealSecret(deps, user.id, newTotpSecret());
  await putTotp(tx, { userId: user.id, municipalityId: user.municipality_id, secret, at });
}

/**
 * What must follow a right password: nothing for a citizen or a staff user without a second factor
 * outside production; the code for one with it; in production, enrolling first for one without it.
 */
export async function secondStepOf(
  deps: ServiceDeps,
  tx: Tx,
  user: { id: string; role: string },
): Promise<SecondStep | null> {
  if (user.role === 'citizen') return null;
  if (await confirmedSecret(deps, tx, user.id)) return 'code';
  return deps.production ? 'enrol' : null;
}

/** A log-in waiting for its second step; returns the token for the browser's cookie. */
export async function startPendingSignIn(
  deps: ServiceDeps,
  tx: Tx,
  user: { id: string; municipality_id: number | null },
  purpose: SecondStep,
  at: Date,
): Promise<string> {
  const token = newToken();
  if (purpose === 'enrol') await startTotp(deps, tx, user, at);
  await insertPendingSignIn(tx, {
    token_hash: tokenHash(token),
    user_id: user.id,
    municipality_id: user.municipality_id,
    purpose,
    created_at: at,
    expires_at: new Date(at.getTime() + PENDING_SIGN_IN_MS),
  });
  return token;
}

/** How many recovery codes an enrolment (or a new set) gives. */
export const RECOVERY_CODES = 10;

/** The issuer the authenticator app shows beside the account. */
const ISSUER = 'Borgerbudget';

/** The one answer to a wrong, used or old code, whatever was wrong. */
export const SECOND_FACTOR_FAILED = message('error.access.secondFactorFailed');

const CodeInput = z.object({
  code: plainText().min(1, say('field.secondFactor.code')).max(64, say('field.secondFactor.code')),
});

/** What the enrolment page shows: the QR code's URI and the secret as text to type. */
export interface TotpSetup {
  uri: string;
  /** The base32 secret in groups of four, as people type it. */
  secret: string;
}

// Shared by the settings and the log-in.

export function parseCode(input: unknown): string {
  const parsed = CodeInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  return parsed.data.code;
}

export async function setupIn(
  deps: ServiceDeps,
  tx: Tx,
  userId: string,
  email: string | null,
): Promise<TotpSetup | null> {
  const row = await findTotp(tx, userId);
  const secret = row && !row.confirmed_at ? openSecret(deps, userId, row.secret) : null;
  if (!secret) return null;
  const text = base32Encode(secret);
  return {
    uri: otpauthUri(ISSUER, email ?? userId, secret),
    secret: text.replace(/(.{4})(?=.)/g, '$1 '),
  };
}

/** Confirms the secret being set up with a right code; returns the new recovery codes, or null. */
export async function confirmIn(
  deps: ServiceDeps,
  tx: Tx,
  userId: string,
  municipalityId: number | null,
  code: string,
  now: Date,
): Promise<string[] | null> {
  const row = await findTotp(tx, userId);
  const secret = row && !row.confirmed_at ? openSecret(deps, userId, row.secret) : null;
  const digits = totpDigits(code);
  const step = secret && digits ? matchingStep(secret, digits, now, null) : null;
  if (step === null || !(await confirmTotp(tx, userId, step, now))) return null;
  return replaceRecoveryCodes(deps, tx, userId, municipalityId);
}

/**
 * Uses a right code: one from the app for a step not used before, or (where `recovery`) an unused
 * recovery code. Null when it is neither, or the user has no readable second factor.
 */
export async function useCode(
  deps: ServiceDeps,
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
  recovery: boolean,
): Promise<{ recovery: boolean } | null> {
  const current = await confirmedSecret(deps, tx, userId);
  if (!current) return null;
  const digits = totpDigits(code);
  if (digits) {
    const step = matchingStep(current.secret, digits, now, current.lastStep);
    return step !== null && (await useTotpStep(tx, userId, step)) ? { recovery: false } : null;
  }
  if (!recovery) return null;
  const used = await useRecoveryCode(tx, userId, recoveryCodeHash(deps, userId, code), now);
  return used ? { recovery: true } : null;
}

export async function replaceRecoveryCodes(
  deps: ServiceDeps,
  tx: Tx,
  userId: string,
  municipalityId: number | null,
): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODES }, newOneTimeCode);
  await putRecoveryCodes(
    tx,
    userId,
    municipalityId,
    codes.map((code) => recoveryCodeHash(deps, userId, code)),
  );
  return codes;
}
