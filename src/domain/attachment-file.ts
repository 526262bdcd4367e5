import { message, type Message } from '../i18n/index.ts';

// Attachments of purchase requests (spec: Attachments and receipts): quotes, invoices, receipts and
// proofs of payment as PDF, JPEG or
// PNG up to 10 MB. The type is decided by the file's first bytes, never by its name or the browser's
// word for it, so a renamed executable is refused however it is called.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const SIGNATURES: readonly [AttachmentType, readonly number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The type the content really is, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

const EXTENSION: Readonly<Record<AttachmentType, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/**
 * What a shown file name must not hold: control characters; bidi controls (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), which make "passwd\u202Egpj.pdf" show as "passwdfdp.jpg"; zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF); and what Windows refuses in a name.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"<>|:*?]/gu;

/**
 * A file name safe to store, show and send back in Content-Disposition: the base name only, without
 * the characters above or path characters, at most 200 characters, with the extension of the real
 * type; "bilag" when nothing is left.
 */
export function safeFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).at(-1) ?? '')
    .normalize('NFC')
    .replace(UNSAFE_IN_NAME, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const extension = EXTENSION[type];
  return `${(base || 'bilag').slice(0, 200 - extension.length)}${extension}`;
}

export type AttachmentCheck =
  | { readonly ok: true; readonly type: AttachmentType; readonly fileName: string }
  | { readonly ok: false; readonly message: Message };

/** Checks an upload: not empty, not over 10 MB, really a PDF, JPEG or PNG; a refusal says which, for the field. */
export function checkAttachment(name: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, message: message('field.attachment.none') };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: message('field.attachment.tooBig') };
  const type = sniffAttachmentType(bytes);
  if (type === null) return { ok: false, message: message('field.attachment.type') };
  return { ok: true, type, fileName: safeFileName(name, type) };
}
