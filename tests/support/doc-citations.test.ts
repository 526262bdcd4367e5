import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Citations of the docs stay true (conventions: Citing the docs). A comment in src/ or tests/ cites a
// heading of a document in docs/ as `(spec: Approval)`; several in one parenthesis are separated by `;`.
// Every cited heading must exist, and every heading must be unique within its document so a citation
// names one place. Markdown links to a heading (`specification.md#approval`) are checked the same way.

const ROOT = join(import.meta.dirname, '..', '..');

/** The prefix a citation uses → the document in docs/. */
const DOCS: Readonly<Record<string, string>> = {
  spec: 'specification.md',
  formats: 'formats.md',
  conventions: 'conventions.md',
  architecture: 'architecture.md',
  glossary: 'glossary.md',
  operations: 'operations.md',
  scaling: 'scaling.md',
};

const CODE_FILE = /\.(ts|tsx|js|mjs|sql|css)$/;
const CITATION = new RegExp(`(?:\\(|;\\s*)(${Object.keys(DOCS).join('|')}): ([^;)\\n]+)`, 'g');
// Written in two parts so that this file does not cite them itself.
const OUTSIDE = new RegExp(
  ['SP' + 'EC §', 'STY' + 'LE\\.md', 'FORM' + 'ATS\\.md', 'DEMO-' + 'PERSONAS'].join('|'),
);

function filesUnder(dir: string, accept: RegExp): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...filesUnder(path, accept));
    } else if (accept.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/** The headings of a Markdown text, outside fenced code blocks. */
function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.+?)\s*$/.exec(line);
    if (m?.[1] !== undefined) headings.push(m[1]);
  }
  return headings;
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
}

/** The comment part of a line of code (from `//`, `/*` or `--` in SQL; a line of a block comment). */
function commentOf(line: string, sql: boolean): string | null {
  if (/^\s*\*/.test(line)) return line;
  const starts = [line.indexOf('//'), line.indexOf('/*'), sql ? line.indexOf('--') : -1].filter(
    (i) => i >= 0,
  );
  return starts.length === 0 ? null : line.slice(Math.min(...starts));
}

interface Citation {
  file: string;
  line: number;
  doc: string;
  heading: string;
}

/** Every citation of the docs in the comments of one file's text. */
function citationsIn(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  const sql = file.endsWith('.sql');
  text.split('\n').forEach((line, index) => {
    const comment = commentOf(line, sql);
    if (comment === null) return;
    for (const m of comment.matchAll(CITATION)) {
      const [, prefix = '', heading = ''] = m;
      found.push({ file, line: index + 1, doc: DOCS[prefix] ?? prefix, heading: heading.trim() });
    }
  });
  return found;
}

const headings = new Map<string, string[]>(
  Object.values(DOCS).map((doc) => [doc, headingsOf(readFileSync(join(ROOT, 'docs', doc), 'utf8'))]),
);

/** The citations whose heading does not exist, as `file:line: doc "heading"`. */
function brokenCitations(citations: readonly Citation[]): string[] {
  return citations
    .filter((c) => !(headings.get(c.doc) ?? []).includes(c.heading))
    .map((c) => `${c.file}:${c.line}: ${c.doc} "${c.heading}"`);
}

const codeFiles = ['src', 'tests'].flatMap((dir) => filesUnder(join(ROOT, dir), CODE_FILE));
const markdownFiles = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'docs'), /\.md$/)];

describe('citations of the docs', () => {
  it('name headings that exist', () => {
    const citations = codeFiles.flatMap((f) => citationsIn(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(citations.length).toBeGreaterThan(100);
    expect(brokenCitations(citations)).toEqual([]);
  });

  it('are caught when a heading does not exist', () => {
    // Put together here, so that this file holds no broken citation of its own.
    const spec = 'spec';
    const text = `// A rule (${spec}: Approval; ${spec}: No such heading).\nconst x = 1;\n`;
    expect(brokenCitations(citationsIn('example.ts', text))).toEqual([
      'example.ts:1: specification.md "No such heading"',
    ]);
    // Code is not a comment: a parameter named like a prefix is no citation.
    expect(citationsIn('example.ts', `function f(${spec}: Thing) {}`)).toEqual([]);
  });

  it('point inside the repository', () => {
    const outside = [...codeFiles, ...markdownFiles]
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => (OUTSIDE.test(line) ? `${relative(ROOT, f)}:${i + 1}` : null)),
      )
      .filter((where) => where !== null);
    expect(outside).toEqual([]);
  });

  it('have one heading for each name in every document', () => {
    for (const [doc, list] of headings) {
      const twice = list.filter((h, i) => list.indexOf(h) !== i);
      expect(twice, doc).toEqual([]);
    }
  });

  it('in Markdown, link to anchors that exist', () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]*\.md)?#([^)\s]+)\)/g)) {
        const target = m[1] ? join(file, '..', m[1]) : file;
        let anchors: string[];
        try {
          anchors = headingsOf(readFileSync(target, 'utf8')).map(anchorOf);
        } catch {
          anchors = [];
        }
        if (!anchors.includes(m[2] ?? '')) broken.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
