import { hash, verify } from '@node-rs/argon2';
import { checkPassword, MIN_PASSWORD_LENGTH, type PasswordProblem } from '../../domain/password-policy.ts';
import { message, type Message } from '../../i18n/index.ts';

// argon2id (algorithm 2 of @node-rs/argon2's const enum) with OWASP's recommended minimum
// (m=19456 KiB, t=2, p=1).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** Compared against when no account matches, so a wrong e-mail takes as long as a wrong password. */
const DUMMY_HASH = hashPassword('timing-equaliser-not-a-password');

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

// Common passwords: the zxcvbn list (49,000 most used) plus Danish ones it does not know.
const DANISH_COMMON = [
  'adgangskode',
  'kodeord',
  'hemmelig',
  'velkommen',
  'sommer',
  'vinter',
  'danmark',
  'kobenhavn',
  'københavn',
  'aarhus',
  'kommune',
  'jegelskerdig',
  'hejmeddig',
  'sommerfugl',
  'fodbold',
];
// Loaded on first use: the list is large and most processes never check a new password.
let common: Promise<Set<string>> | undefined;
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) =>
      new Set([...dictionary['passwords-common'], ...DANISH_COMMON].map((p) => p.toLowerCase())),
  );
  return common;
}

export async function passwordProblem(
  password: string,
  identity: readonly string[],
): Promise<PasswordProblem | null> {
  return checkPassword(password, { common: await commonPasswords(), identity });
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, Message> = {
  too_short: message('field.password.tooShort', { minimum: MIN_PASSWORD_LENGTH }),
  too_long: message('field.password.tooLong'),
  common: message('field.password.common'),
  contains_identity: message('field.password.containsIdentity'),
};
