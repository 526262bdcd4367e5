import { describe, expect, it } from 'vitest';
import { acceptedLang } from './lang.ts';

describe('acceptedLang', () => {
  it('takes the first of Danish and English by weight', () => {
    expect(acceptedLang('en-GB,en;q=0.9,da;q=0.8')).toBe('en');
    expect(acceptedLang('da, en-GB;q=0.8')).toBe('da');
    expect(acceptedLang('de-DE,de;q=0.9,en;q=0.4,da;q=0.7')).toBe('da');
    expect(acceptedLang('EN-us')).toBe('en');
  });

  it('is undefined when neither is asked for', () => {
    expect(acceptedLang(undefined)).toBeUndefined();
    expect(acceptedLang('')).toBeUndefined();
    expect(acceptedLang('de, fr;q=0.5')).toBeUndefined();
    expect(acceptedLang('en;q=0')).toBeUndefined();
    expect(acceptedLang('*')).toBeUndefined();
  });
});
