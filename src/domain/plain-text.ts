// Text as people type it into a field. C0 control characters (U+0000–U+001F) and DEL never belong in
// it: PostgreSQL refuses NUL, and the others hide in what is shown, logged and exported. A multi-line
// field (a textarea) may hold tabs and line breaks; browsers send a textarea's line breaks as CRLF,
// so a CR is allowed there only before an LF.

/** A field on one line (an input) or on several (a textarea). */
export type TextLines = 'single' | 'multi';

// Finding control characters is what these expressions are for.
/* eslint-disable no-control-regex */
const FORBIDDEN: Readonly<Record<TextLines, RegExp>> = {
  single: /[\u0000-\u001f\u007f]/,
  multi: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)/,
};
/* eslint-enable no-control-regex */

/** Whether the text holds a control character the field may not hold. */
export function hasControlCharacter(text: string, lines: TextLines): boolean {
  return FORBIDDEN[lines].test(text);
}
