import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/da.ts';
import { en } from '../../src/i18n/en.ts';

// Every word a user reads comes from the catalogues (src/i18n/), in Danish and English. The types check
// that English has every Danish key; this checks what the types cannot: at run time, that both languages
// have the same keys and non-empty words with the same {parameters}, that no key sits in two area files
// (a spread would silently keep one), and that every key is used somewhere in src/.

const SRC = join(import.meta.dirname, '../../src');
const I18N = join(SRC, 'i18n');

/**
 * A template literal's fixed start counts as a use of every key it begins when it names at least two
 * parts (`money.done.${…}`). One part is too little: `case.${…}` and `answers.${…}` also build audit
 * actions and field names, and would hide every unused `case.…` key.
 */
const KEY_PREFIX = /^[a-zA-Z][\w-]*\.[\w-]+\./;

/**
 * Key families built from one fixed part, which the scan does not count (KEY_PREFIX), each with where it
 * is built. Keep the list short: a longer fixed start (`role.label.${…}`) needs no entry.
 */
const BUILT_DYNAMICALLY: readonly { prefix: string; where: string }[] = [
  {
    prefix: 'role.',
    where: 'a role’s name, `role.${role}`: layout, users, API tokens, front page, format.ts',
  },
  { prefix: 'home.', where: 'the front page’s words for a role, `home.${role}.text`: home.page.tsx' },
  {
    prefix: 'portalSelf.change.',
    where: 'the access log, `portalSelf.${change ? "change" : "purpose"}.${purpose}`: access-log.page.tsx',
  },
  { prefix: 'portalSelf.purpose.', where: 'the same, for a read' },
];

const allowed = (key: string) => BUILT_DYNAMICALLY.some(({ prefix }) => key.startsWith(prefix));

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** The source files that can use a key: src/ without the catalogues themselves and without tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const catalogue = dir === I18N && /\.(da|en)\.ts$|^(da|en)\.ts$/.test(entry.name);
    const test = /\.test\.tsx?$/.test(entry.name);
    return /\.tsx?$/.test(entry.name) && !catalogue && !test ? [path] : [];
  });
}

interface Literals {
  /** Quoted strings and template literals without parameters, whole. */
  readonly exact: Set<string>;
  /** The fixed start of a template literal with parameters that begins like a key (`report.col.`). */
  readonly starts: Set<string>;
}

/**
 * Reads code from `i` and collects its string literals, skipping comments; inside a template literal's
 * `${…}` it reads code again. Stops after the `}` that closes the code it was called for, if any.
 */
function scanCode(src: string, from: number, found: Literals, inBraces: boolean): number {
  const special = /\/\/|\/\*|['"`{}]/g;
  let depth = 0;
  special.lastIndex = from;
  for (let m = special.exec(src); m !== null; m = special.exec(src)) {
    const token = m[0];
    if (token === '//') special.lastIndex = end(src, '\n', m.index);
    else if (token === '/*') special.lastIndex = end(src, '*/', m.index + 2);
    else if (token === "'" || token === '"') special.lastIndex = scanQuoted(src, m.index, found);
    else if (token === '`') special.lastIndex = scanTemplate(src, m.index, found);
    else if (token === '{') depth++;
    else if (inBraces && depth === 0) return m.index + 1;
    else depth--;
  }
  return src.length;
}

/** Just after the next `token` from `from`, or the end of the text. */
function end(src: string, token: string, from: number): number {
  const at = src.indexOf(token, from);
  return at === -1 ? src.length : at + token.length;
}

function scanQuoted(src: string, start: number, found: Literals): number {
  const quote = src[start];
  let i = start + 1;
  while (i < src.length && src[i] !== quote && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
  found.exact.add(src.slice(start + 1, i));
  return i + 1;
}

function scanTemplate(src: string, start: number, found: Literals): number {
  let i = start + 1;
  let first: string | null = null;
  while (i < src.length && src[i] !== '`') {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '$' && src[i + 1] === '{') {
      first ??= src.slice(start + 1, i);
      i = scanCode(src, i + 2, found, true);
    } else i++;
  }
  if (first === null) found.exact.add(src.slice(start + 1, i));
  else if (/^[a-zA-Z][\w-]*\./.test(first)) found.starts.add(first);
  return i + 1;
}

/** Whether the key is one of the literals, or begins with a template literal's fixed start (KEY_PREFIX). */
function usedIn(found: Literals, key: string): boolean {
  return (
    found.exact.has(key) || [...found.starts].some((start) => KEY_PREFIX.test(start) && key.startsWith(start))
  );
}

let scanned: Literals | undefined;

/** The literals of every source file, read once. */
function literals(): Literals {
  if (scanned) return scanned;
  const found: Literals = { exact: new Set(), starts: new Set() };
  for (const file of sourceFiles(SRC)) scanCode(readFileSync(file, 'utf8'), 0, found, false);
  return (scanned = found);
}

/** Each area file's catalogue (`<area>.da.ts`, `<area>.en.ts`), by file name. */
async function areaCatalogues(lang: 'da' | 'en'): Promise<Record<string, Record<string, string>>> {
  const files = readdirSync(I18N).filter((name) => name.endsWith(`.${lang}.ts`));
  const entries = await Promise.all(
    files.map(async (name) => {
      const module = (await import(join(I18N, name))) as Record<string, Record<string, string>>;
      return [name, Object.assign({}, ...Object.values(module)) as Record<string, string>] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('the message catalogues', () => {
  const danish: Record<string, string> = da;
  const english: Record<string, string> = en;

  it('have the same keys in Danish and English', () => {
    const daKeys = Object.keys(danish);
    const enKeys = Object.keys(english);
    expect(
      daKeys.filter((key) => !Object.hasOwn(english, key)),
      'Danish only',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !Object.hasOwn(danish, key)),
      'English only',
    ).toEqual([]);
  });

  it('have words in both languages, with the same {parameters}', () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(danish)) {
      const other = english[key] ?? '';
      if (text.trim() === '') problems.push(`${key}: no Danish words`);
      if (other.trim() === '') problems.push(`${key}: no English words`);
      const [inDanish, inEnglish] = [placeholders(text).join(), placeholders(other).join()];
      if (inDanish !== inEnglish) problems.push(`${key}: {${inDanish}} in Danish, {${inEnglish}} in English`);
    }
    expect(problems).toEqual([]);
  });

  it('keep each key in one area file, and every area file in the whole catalogue', async () => {
    for (const lang of ['da', 'en'] as const) {
      const whole: Record<string, string> = lang === 'da' ? danish : english;
      const seen = new Map<string, string>();
      const problems: string[] = [];
      for (const [file, catalogue] of Object.entries(await areaCatalogues(lang))) {
        for (const [key, text] of Object.entries(catalogue)) {
          if (seen.has(key)) problems.push(`${key} is in ${seen.get(key) ?? ''} and ${file}`);
          if (whole[key] !== text) problems.push(`${key} of ${file} is not so in ${lang}.ts`);
          seen.set(key, file);
        }
      }
      expect(problems).toEqual([]);
      expect(seen.size).toBe(Object.keys(whole).length);
    }
  });

  it('use every key somewhere in src/', () => {
    const unused = Object.keys(danish).filter((key) => !usedIn(literals(), key) && !allowed(key));
    expect(unused).toEqual([]);
  });

  it('allow only families that src/ builds, with keys the scan cannot find on its own', () => {
    for (const { prefix } of BUILT_DYNAMICALLY) {
      const family = Object.keys(danish).filter((key) => key.startsWith(prefix));
      expect(
        family.filter((key) => !usedIn(literals(), key)),
        `${prefix} has keys the scan misses`,
      ).not.toEqual([]);
      expect(
        [...literals().starts].some((start) => prefix.startsWith(start)),
        `${prefix} is built`,
      ).toBe(true);
    }
  });
});

describe('the scan for used keys', () => {
  it('reads quoted keys, keys inside a template, and the fixed start of a template, not comments', () => {
    const found: Literals = { exact: new Set(), starts: new Set() };
    const source = [
      "t('a.quoted'); // t('b.commented')",
      '/* t("c.commented") */ t("d.quoted");',
      "const label = `${t('e.inside')}, ${x ? `${t(`f.nested.${y}`)}` : 'g.branch'}`;",
      'const key = `h.prefix.${code}`; const plain = `i.plain`; const none = `${k}.j`; const one = `k.${k}`;',
    ].join('\n');
    scanCode(source, 0, found, false);
    expect([...found.exact].filter((s) => /^[a-z]\./.test(s)).sort()).toEqual([
      'a.quoted',
      'd.quoted',
      'e.inside',
      'g.branch',
      'i.plain',
    ]);
    expect([...found.starts].sort()).toEqual(['f.nested.', 'h.prefix.', 'k.']);
    expect(usedIn(found, 'h.prefix.any')).toBe(true);
    expect(usedIn(found, 'k.any'), 'a start of one part is no use').toBe(false);
    expect(usedIn(found, 'b.commented')).toBe(false);
  });

  it('reads the whole of src/, and finds its keys there', () => {
    expect(sourceFiles(SRC).map((file) => relative(SRC, file))).toContain('web/components/form.tsx');
    expect(usedIn(literals(), 'error.summary')).toBe(true);
    expect(usedIn(literals(), 'no.such.key')).toBe(false);
  });
});
