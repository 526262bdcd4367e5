import { describe, expect, it } from 'vitest';
import { hasControlCharacter } from './plain-text.ts';

describe('control characters in typed text', () => {
  it.each([
    ['Anna Bøgh', false, false],
    ['Anna\u0000', true, true],
    ['a\u0001b', true, true],
    ['a\u001fb', true, true],
    ['a\u007fb', true, true],
    ['a\tb', true, false],
    ['første linje\nanden linje', true, false],
    ['første linje\r\nanden linje', true, false],
    ['a lone\rCR', true, true],
    ['ends in CR\r', true, true],
    // A no-break space is text.
    ['1.000\u00a0kr.', false, false],
  ])('%j: single line %s, multi line %s', (text, single, multi) => {
    expect(hasControlCharacter(text, 'single')).toBe(single);
    expect(hasControlCharacter(text, 'multi')).toBe(multi);
  });
});
