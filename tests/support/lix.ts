// LIX (læsbarhedsindeks, Björnsson 1968) of a rendered page, to keep the citizen portal easy to read
// (spec: Citizen portal; LIX 35 or below on every page). LIX = words / sentences + 100 × long words / words.
//
// What text counts: the visible text inside <main> only (the header, menu and footer are the same on
// every page and are not what the page says). Left out: <script>, <style>, <template>, <noscript>,
// <svg>, and any element that is not shown — the `hidden` attribute, aria-hidden="true", and the
// classes `sr-only` (screen-reader only) and `d-none`. Attribute text (aria-label, alt, value) is not
// read: a sighted reader does not see it.
//
// Words: the text is split on white space; a token's leading and trailing punctuation is removed; what
// is left is a word if it holds at least one letter or digit ("12.500", "WHO-5" and "kr" are words).
// A long word has more than 6 letters; digits and hyphens are not letters, so a number is never long
// ("e-mailadresse" has 12 letters: long).
//
// Sentences: a sentence ends
//   - at ".", "!", "?" or ":" followed by white space or the end of the text — except a "." followed
//     by a lower-case letter, which is an abbreviation or a date ("12. marts", "50.000 kr. til"), and
//   - at the start and end of every block: headings, paragraphs, list items, table cells and captions,
//     labels, legends, buttons, options, summaries, description terms and details, and divs. A heading,
//     a list item, a label or a button is a sentence of its own, even without a full stop.
// Only pieces that hold at least one word are counted, so an empty cell or a stray colon adds nothing.

export interface Readability {
  /** The visible text of <main>, one piece (sentence) per line. */
  sentencesText: string[];
  words: number;
  sentences: number;
  /** Words of more than 6 letters. */
  longWords: number;
  /** words / sentences + 100 × longWords / words, rounded to one decimal; 0 for a page without words. */
  lix: number;
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head', 'title']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'button',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'label',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'option',
  'p',
  'section',
  'select',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** A marker between blocks in the extracted text; it never occurs in a page's own text. */
const BREAK = '\u0000';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function isHidden(attributes: string): boolean {
  if (/(^|\s)hidden(\s|=|$)/i.test(attributes)) return true;
  if (/\saria-hidden\s*=\s*["']?true/i.test(attributes)) return true;
  const cls = /\sclass\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? '';
  return cls.split(/\s+/).some((c) => c === 'sr-only' || c === 'd-none');
}

/** The HTML inside the first <main> element (the whole input if it has none). */
function mainOf(html: string): string {
  const open = /<main[\s>]/i.exec(html);
  if (!open) return html;
  const from = html.indexOf('>', open.index) + 1;
  const to = html.toLowerCase().lastIndexOf('</main>');
  return html.slice(from, to === -1 ? undefined : to);
}

/** The visible text of <main>, with BREAK between blocks. */
export function visibleText(html: string): string {
  const out: string[] = [];
  // The open elements, each marked whether it (or an ancestor) hides its content.
  const stack: { name: string; hidden: boolean }[] = [];
  const hiddenNow = () => stack.at(-1)?.hidden ?? false;
  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|([^<]+)|</g;
  const body = mainOf(html);
  let m: RegExpExecArray | null;
  while ((m = token.exec(body)) !== null) {
    const [, slash, rawName, attributes = '', text] = m;
    if (text !== undefined) {
      if (!hiddenNow()) out.push(decode(text));
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (BLOCKS.has(name) && !hiddenNow()) out.push(BREAK);
    if (slash) {
      // Close up to the matching element (the pages are well-formed; this tolerates a stray end tag).
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    if (VOID.has(name) || attributes.trimEnd().endsWith('/')) continue;
    stack.push({ name, hidden: hiddenNow() || SKIPPED.has(name) || isHidden(attributes) });
  }
  return out.join('');
}

const LETTER = /\p{L}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The words of a piece of text (see the rules at the top). */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => WORD_CHAR.test(t));
}

export function isLongWord(word: string): boolean {
  return (word.match(LETTER)?.length ?? 0) > 6;
}

/** The text split into sentences (see the rules at the top); pieces without a word are dropped. */
export function sentencesOf(text: string): string[] {
  const pieces: string[] = [];
  for (const block of text.split(BREAK)) {
    const flat = block.replace(/\s+/g, ' ').trim();
    // A terminator followed by white space (or the end) ends a sentence; "." not before a lower-case letter.
    const parts = flat.split(/(?<=[!?:])\s+|(?<=\.)\s+(?!\p{Ll})/u);
    for (const part of parts) if (wordsOf(part).length > 0) pieces.push(part.trim());
  }
  return pieces;
}

/** LIX of plain text or of a page's HTML (of its <main>, when it has one). */
export function readability(htmlOrText: string): Readability {
  const sentencesText = sentencesOf(visibleText(htmlOrText));
  const words = sentencesText.flatMap(wordsOf);
  const longWords = words.filter(isLongWord).length;
  const lix = words.length === 0 ? 0 : words.length / sentencesText.length + (100 * longWords) / words.length;
  return {
    sentencesText,
    words: words.length,
    sentences: sentencesText.length,
    longWords,
    lix: Math.round(lix * 10) / 10,
  };
}
