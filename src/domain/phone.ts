// Danish mobile numbers as citizens type them: "12 34 56 78", "+45 12345678", "0045-12345678".
// Stored normalised as +45 and 8 digits, so one number is one log-in however it was written.
// Danish subscriber numbers never begin with 0 or 1 (the Danish Agency for Data Supply's numbering plan).

export type Phone = string & { readonly __brand: 'Phone' };

const SEPARATORS = /[\s.\-()]/g;

/** The normalised number, or null when the text is not a Danish 8-digit number. */
export function normalisePhone(input: string): Phone | null {
  let digits = input.trim().replace(SEPARATORS, '');
  if (digits.startsWith('+45')) digits = digits.slice(3);
  else if (digits.startsWith('0045')) digits = digits.slice(4);
  else if (digits.length === 10 && digits.startsWith('45')) digits = digits.slice(2);
  return /^[2-9][0-9]{7}$/.test(digits) ? (`+45${digits}` as Phone) : null;
}

/** A log-in name: an e-mail address when it has an @, otherwise a mobile number. */
export type LoginName = { kind: 'email'; email: string } | { kind: 'phone'; phone: Phone };

/** What someone typed in "E-mail eller mobilnummer", or null when it is neither. */
export function parseLoginName(input: string): LoginName | null {
  const trimmed = input.trim();
  if (trimmed.includes('@')) return { kind: 'email', email: trimmed.toLowerCase() };
  const phone = normalisePhone(trimmed);
  return phone ? { kind: 'phone', phone } : null;
}
