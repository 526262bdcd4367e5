import { describe, expect, it } from 'vitest';
import {
  checkAttachment,
  MAX_ATTACHMENT_BYTES,
  safeFileName,
  sniffAttachmentType,
} from './attachment-file.ts';
import { danish } from '../../tests/setup/messages.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 1, 2, 3]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);

describe('attachment files', () => {
  it('tells the type by content', () => {
    expect(sniffAttachmentType(PDF)).toBe('application/pdf');
    expect(sniffAttachmentType(PNG)).toBe('image/png');
    expect(sniffAttachmentType(JPEG)).toBe('image/jpeg');
    expect(sniffAttachmentType(new TextEncoder().encode('MZ\x90\x00 executable'))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array([0x25, 0x50]))).toBeNull();
  });

  it('refuses empty, too large and wrong files with a Danish message', () => {
    const refusal = (name: string, file: Uint8Array) => {
      const checked = checkAttachment(name, file);
      return checked.ok ? checked : { ok: false, message: danish(checked.message) };
    };
    expect(refusal('a.pdf', new Uint8Array())).toEqual({ ok: false, message: 'Vælg en fil.' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    expect(refusal('a.pdf', big)).toEqual({ ok: false, message: 'Filen må højst fylde 10 MB.' });
    const exe = new TextEncoder().encode('MZ not a pdf');
    expect(checkAttachment('kvittering.pdf', exe)).toMatchObject({ ok: false });
    const exact = new Uint8Array(MAX_ATTACHMENT_BYTES);
    exact.set(PNG);
    expect(checkAttachment('foto.png', exact)).toMatchObject({ ok: true, type: 'image/png' });
  });

  it('keeps a safe base name with the real extension', () => {
    expect(safeFileName('C:\\Users\\x\\Kvittering cykel.PDF', 'application/pdf')).toBe(
      'Kvittering cykel.pdf',
    );
    expect(safeFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(safeFileName('"evil"\r\n.jpg', 'image/jpeg')).toBe('evil.jpg');
    expect(safeFileName('renamed.exe', 'application/pdf')).toBe('renamed.pdf');
    expect(safeFileName('', 'application/pdf')).toBe('bilag.pdf');
    expect(safeFileName('å'.repeat(300), 'application/pdf')).toHaveLength(200);
  });

  it.each([
    ['passwd\u202Egpj.pdf', 'passwdgpj.pdf'],
    ['faktura\u2066\u2069\u200E\u200F\u061C.pdf', 'faktura.pdf'],
    ['kvit\u202A\u202B\u202C\u202Dtering.pdf', 'kvittering.pdf'],
    ['\uFEFFtilbud\u200B\u200C\u200D\u2060.pdf', 'tilbud.pdf'],
    ['a\u0000b\u001Fc\u007F.pdf', 'abc.pdf'],
    ['\u202E\u200B\u0000.pdf', 'bilag.pdf'],
  ])('strips bidi, zero-width and control characters from %j', (name, expected) => {
    expect(safeFileName(name, 'application/pdf')).toBe(expected);
  });
});
