import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// Every file a page references — DKFDS's and the app's own — is served from memory under a URL with its
// content's hash, /static/<hash>/<name>, so browsers keep it for a year without asking again
// (operations: Caching). A changed file gets a new URL, and the pages, never cached, name the new one.
// The URLs are worked out once, when this module loads at start-up.

const require = createRequire(import.meta.url);
// The package exports only its script, so its dist/ folder is found from there.
const DKFDS_DIST = join(dirname(require.resolve('dkfds')), '..');
const APP_STATIC = fileURLToPath(new URL('./static/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

type Encoding = 'br' | 'gzip';

type Bytes = Uint8Array<ArrayBuffer>;

interface Asset {
  body: Bytes;
  type: string;
  /** Text (CSS, JavaScript, SVG) goes compressed; fonts and images are compressed already. */
  compressible: boolean;
  /** Compressed once, on the first request that asks for the encoding, and kept. */
  encoded: Map<Encoding, Promise<Bytes>>;
}

const assets = new Map<string, Asset>();
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Answers a fingerprinted URL with its file: compressed as the browser accepts (brotli, else gzip),
 * cached for a year. Any other path under /static/ — an old hash, a made-up one — is not found.
 */
export async function serveAsset(c: Context): Promise<Response> {
  const asset = assets.get(c.req.path);
  if (asset === undefined) return c.notFound();
  c.header('Content-Type', asset.type);
  c.header('Cache-Control', IMMUTABLE);
  if (!asset.compressible) return c.body(asset.body);
  c.header('Vary', 'Accept-Encoding');
  const encoding = acceptedEncoding(c.req.header('accept-encoding'));
  if (encoding === undefined) return c.body(asset.body);
  c.header('Content-Encoding', encoding);
  return c.body(await compressed(asset, encoding));
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

// Pages themselves go uncompressed: they carry the CSRF token beside what the user typed (BREACH).
// Brotli at its best quality takes about a second for DKFDS's style sheet, once per process, in the
// thread pool; it saves a fifth of the bytes gzip sends.
function compressed(asset: Asset, encoding: Encoding): Promise<Bytes> {
  let body = asset.encoded.get(encoding);
  if (body === undefined) {
    const pending =
      encoding === 'br'
        ? brotli(asset.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
            },
          })
        : gzipped(asset.body, { level: constants.Z_BEST_COMPRESSION });
    body = pending.then((buffer) => new Uint8Array(buffer));
    asset.encoded.set(encoding, body);
  }
  return body;
}

function acceptedEncoding(header: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    if (!params.some((p) => /^q=0(\.0*)?$/.test(p))) accepted.add(name);
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
}

function register(name: string, body: Bytes, hash = fingerprint([body])): string {
  const type = TYPES[extname(name)];
  if (type === undefined) throw new Error(`no content type for the static file ${name}`);
  const url = `/static/${hash}/${name}`;
  const compressible = !type.startsWith('font/') && type !== 'image/png';
  assets.set(url, { body, type, compressible, encoded: new Map() });
  return url;
}

function fingerprint(parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url').slice(0, 16);
}

// IBM Plex Sans, as DKFDS declares it, but only the Latin-1 subset (Danish letters, the euro sign,
// dashes and typographic quotes) and only as woff2, which every browser DKFDS supports reads. The
// browser fetches only the faces a page renders. Bold (700) is drawn with the semibold face: DKFDS sets
// headings and buttons semibold and a few emphases bold, and one face for both spares every first visit
// 17 KB, a sixth of the page, on the cheap phones and data plans many citizens have (spec: Scale).
const PLEX_FACES = [
  [400, 'Regular', 'Italic'],
  [500, 'Medium', 'MediumItalic'],
  [600, 'SemiBold', 'SemiBoldItalic'],
  [700, 'SemiBold', 'SemiBoldItalic'],
] as const;
const PLEX_DECLARED = /@font-face\{[^}]*font-family:\s*["']?IBM Plex Sans["']?;[^}]*\}/g;

/** DKFDS's @font-face rules for IBM Plex Sans, replaced by the Latin-1 woff2 files. */
function latinPlex(css: string): string {
  if (css.match(PLEX_DECLARED) === null) throw new Error('DKFDS no longer declares IBM Plex Sans');
  const face = (weight: number, style: string, file: string) =>
    `@font-face{font-display:swap;font-family:IBM Plex Sans;font-style:${style};font-weight:${weight};` +
    `src:url(../fonts/IBMPlexSans/split/woff2/IBMPlexSans-${file}-Latin1.woff2) format("woff2")}`;
  const faces = PLEX_FACES.map(
    ([w, normal, italic]) => face(w, 'normal', normal) + face(w, 'italic', italic),
  );
  return faces.join('') + css.replace(PLEX_DECLARED, '');
}

const URL_REF = /url\((["']?)([^"')]+)\1\)/g;

/**
 * A style sheet as served, without its source-map comment (the map is not served). The files it refers
 * to with url(…) — icons, images, fonts — share one fingerprint, the hash of all of them: DKFDS's
 * style sheet names over a hundred, and one hash repeated compresses to almost nothing.
 */
function registerCss(file: string, rewrite: (css: string) => string = (css) => css): string {
  const css = rewrite(readFileSync(file, 'utf8').replace(/\/\*# sourceMappingURL=[^*]*\*\//, ''));
  const files = new Map<string, string>();
  for (const [, , ref = ''] of css.matchAll(URL_REF)) {
    if (ref.startsWith('data:')) continue;
    const path = resolve(dirname(file), ref);
    const taken = files.get(basename(path));
    if (taken !== undefined && taken !== path)
      throw new Error(`${file} refers to two files named ${basename(path)}`);
    files.set(basename(path), path);
  }
  const bodies = [...files].map(([name, path]) => [name, readFileSync(path)] as const);
  const hash = fingerprint(bodies.flatMap(([name, body]) => [Buffer.from(`${name}\0`), body]));
  for (const [name, body] of bodies) register(name, body, hash);
  const served = css.replace(URL_REF, (whole, _quote, ref: string) =>
    ref.startsWith('data:') ? whole : `url(/static/${hash}/${basename(ref)})`,
  );
  return register(basename(file), Buffer.from(served));
}

function registerJs(file: string): string {
  return register(
    basename(file),
    Buffer.from(readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '')),
  );
}

/** The DKFDS icons the pages show (components/icon.tsx); the sprite served holds only these. */
const ICONS = [
  'chevron-left',
  'chevron-right',
  'close',
  'error',
  'first-page',
  'info',
  'last-page',
  'lock',
  'menu',
  'minus',
  'plus',
  'settings',
  'success',
  'warning',
] as const;
export type IconName = (typeof ICONS)[number];

// DKFDS's sprite holds all its 200-odd icons (53 KB); a page needs a dozen.
function registerSprite(file: string): string {
  const svg = readFileSync(file, 'utf8');
  const symbols = ICONS.map((name) => {
    const symbol = new RegExp(`<symbol id="${name}"[^>]*>.*?</symbol>`, 's').exec(svg)?.[0];
    if (symbol === undefined) throw new Error(`${file} has no icon "${name}"`);
    return symbol;
  });
  return register(
    basename(file),
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${symbols.join('')}</svg>`),
  );
}

/** The fingerprinted URLs the layout and the icons use. */
export const ASSET_URLS = {
  dkfdsCss: registerCss(join(DKFDS_DIST, 'css/dkfds.min.css'), latinPlex),
  dkfdsJs: registerJs(join(DKFDS_DIST, 'js/dkfds.min.js')),
  sprite: registerSprite(join(DKFDS_DIST, 'img/all-svg-icons.svg')),
  appCss: registerCss(join(APP_STATIC, 'app.css')),
  noJsCss: registerCss(join(APP_STATIC, 'nojs.css')),
  appJs: registerJs(join(APP_STATIC, 'app.js')),
};
