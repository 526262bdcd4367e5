import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

const ctx = {
  common: new Set(['sommerfugl', 'qwertyuiopas']),
  identity: ['mette.hansen@lejre.example', 'Mette Hansen'],
};

describe('password policy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(checkPassword('grøn cykel ved havnen', ctx)).toBeNull();
  });

  it('refuses fewer than 12 characters, counting letters not bytes', () => {
    expect(checkPassword('kort ord', ctx)).toBe('too_short');
    expect(checkPassword('æøåæøåæøåæø', ctx)).toBe('too_short');
    expect(checkPassword('æøåæøåæøåæøå', ctx)).toBeNull();
  });

  it('refuses common passwords, also with digits and symbols added', () => {
    expect(checkPassword('qwertyuiopas', ctx)).toBe('common');
    expect(checkPassword('Sommerfugl2024!', ctx)).toBe('common');
    expect(checkPassword('mitborgerbudget1', ctx)).toBe('common');
  });

  it('refuses a password built from the account', () => {
    expect(checkPassword('mette-er-den-bedste', ctx)).toBe('contains_identity');
    expect(checkPassword('hansenhansen99', ctx)).toBe('contains_identity');
  });

  it('refuses absurdly long input', () => {
    expect(checkPassword('x'.repeat(129), ctx)).toBe('too_long');
  });
});
