import { randomInt } from 'node:crypto';

// Codes people read aloud or type from paper or a phone's screen — one-time codes, activation codes,
// vouchers: digits and capitals without the look-alikes 0/O, 1/I/L (31 characters), compared without
// case, spaces or dashes, as people type them.

export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomReadable(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += READABLE_ALPHABET.charAt(randomInt(READABLE_ALPHABET.length));
  return out;
}

/** What was typed, as it is compared: capitals, without spaces or dashes. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
