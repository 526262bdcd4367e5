// Passwords as NIST SP 800-63B and OWASP ASVS 5.0 §6.2 ask: at least 12 characters, no composition
// rules, long passphrases allowed, and refused when they are commonly used or built from the account.
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_identity';

export interface PasswordContext {
  /** A set of known common passwords, lower-cased. */
  common: ReadonlySet<string>;
  /** The account's e-mail address and name: a password built from them is easy to guess. */
  identity: readonly string[];
}

export function checkPassword(password: string, ctx: PasswordContext): PasswordProblem | null {
  // Count what a person sees as characters (æ, é and emoji are one each), not UTF-16 units.
  const length = Array.from(new Intl.Segmenter('da').segment(password)).length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (ctx.common.has(lower) || ctx.common.has(stripDigitsAndSymbols(lower))) return 'common';
  if (lower.includes('borgerbudget') || lower.includes('password') || lower.includes('adgangskode'))
    return 'common';
  for (const part of identityParts(ctx.identity)) {
    if (lower.includes(part)) return 'contains_identity';
  }
  return null;
}

/** "sommer2024!!" is as guessable as "sommer". */
function stripDigitsAndSymbols(s: string): string {
  return s.replace(/[^\p{L}]+/gu, '');
}

function identityParts(identity: readonly string[]): string[] {
  return identity
    .flatMap((s) => s.toLowerCase().split(/[@.\s_+-]+/))
    .filter((part) => part.length >= 4 && !['example', 'mail', 'gmail', 'hotmail'].includes(part));
}
