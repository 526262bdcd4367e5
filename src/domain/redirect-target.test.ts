import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localRedirectTarget } from './redirect-target.ts';

const ORIGIN = 'https://kommune.example';

describe('the redirect target taken from a request', () => {
  it.each([
    ['/forloeb', '/forloeb'],
    ['/forloeb/42?gemt=1#noter', '/forloeb/42?gemt=1#noter'],
    ['/søg efter', '/s%C3%B8g%20efter'],
    ['/a/../b', '/b'],
  ])('follows a path on this site: %j → %j', (value, expected) => {
    expect(localRedirectTarget(value)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/a/../..//evil.example',
    '/.//evil.example',
    'forloeb',
    'https://evil.example',
    'https:evil.example',
    'HTTPS://evil.example/forloeb',
    '//evil.example@kommune.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:x@evil.example',
    'http://[::1',
  ])('falls back to the front page for %j', (value) => {
    expect(localRedirectTarget(value)).toBe('/');
  });

  it('uses the fallback given, also when there is no value', () => {
    expect(localRedirectTarget('//evil.example', '/log-ind')).toBe('/log-ind');
    expect(localRedirectTarget(undefined)).toBe('/');
    expect(localRedirectTarget('')).toBe('/');
  });

  it('whatever it gets, it answers a path that stays on the site', () => {
    const nasty = fc.constantFrom(
      '/',
      '//',
      '\\',
      '/\\',
      '\t',
      '\n',
      '\r',
      '%2F',
      '%5C',
      '..',
      '.',
      ':',
      '@',
      'evil.example',
      'https:',
      'javascript:',
    );
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webUrl(),
      fc.array(fc.oneof(nasty, fc.string()), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(value, (v) => {
        const target = localRedirectTarget(v);
        expect(target).toMatch(/^\/(?![/\\])/);
        expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
