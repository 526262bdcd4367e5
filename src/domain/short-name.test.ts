import { describe, expect, it } from 'vitest';
import { shortName } from './short-name.ts';

describe('shortName', () => {
  it('keeps a short text as it is', () => {
    expect(shortName('Få kørekort')).toBe('Få kørekort');
  });

  it('takes the first line only, with its spaces tidied', () => {
    expect(shortName('Komme  i  gang med at cykle\nHver dag til praktikken')).toBe(
      'Komme i gang med at cykle',
    );
  });

  it('cuts a long text at a word boundary and marks the cut', () => {
    const name = shortName('Få et fast arbejde som tømrerlærling, og have råd til værktøj og arbejdstøj');
    expect(name).toBe('Få et fast arbejde som tømrerlærling…');
    expect(name.length).toBeLessThanOrEqual(40);
  });

  it('cuts inside a word when one word fills most of the room', () => {
    expect(shortName('a'.repeat(60), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
