import { z } from 'zod';
import { parseCalendarDate, type CalendarDate } from '../domain/calendar-date.ts';
import { ValidationFailed } from '../domain/errors.ts';
import { parseKr, type Ore } from '../domain/money.ts';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, type TextLines } from '../domain/plain-text.ts';

// Field schemas shared by the input schemas of citizens, cases, plans and notes. Each accepts what an
// HTML form posts (strings, "on" for a ticked box, a repeated field as an array) and what the JSON API
// sends (booleans, arrays), and turns both into one typed value. Messages are plain Danish.

/**
 * Every text field of every input is built on this: trimmed, and refused with a message at the field
 * when it holds a control character (tabs and line breaks only where `lines` is 'multi', a textarea).
 */
export function plainText(lines: TextLines = 'single', error?: string) {
  return z
    .string({ error })
    .trim()
    .refine((v) => !hasControlCharacter(v, lines), CONTROL_CHARACTER_MESSAGE);
}

/** Free text, trimmed and required. */
export function text(label: string, max: number, message = `Skriv ${label}.`, lines: TextLines = 'single') {
  return plainText(lines, message).min(1, message).max(max, `Teksten må højst være på ${max} tegn.`);
}

/** Optional free text: an empty field becomes null. */
export function optionalText(max: number, lines: TextLines = 'single') {
  return plainText(lines)
    .max(max, `Teksten må højst være på ${max} tegn.`)
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
}

/** An optional calendar date (ÅÅÅÅ-MM-DD); empty means "today", which the service fills in. */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): CalendarDate | undefined => {
    if (v === undefined || v === '') return undefined;
    const date = parseCalendarDate(v);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.' });
      return z.NEVER;
    }
    return date;
  });

/** HTML checkboxes send "on" when ticked and nothing otherwise; the API sends booleans. */
export const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A set of codes: repeated checkboxes arrive as one string or an array; the API sends an array. */
export function codeSet<const C extends readonly [string, ...string[]]>(codes: C, message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(codes, { error: message })))
    .transform((values) => codes.filter((c) => values.includes(c)) as C[number][]);
}

/** One code of a list, or null when the field is left empty. */
export function optionalCode<const C extends readonly [string, ...string[]]>(codes: C, message: string) {
  return z
    .string({ error: message })
    .nullable()
    .optional()
    .transform((v, ctx): C[number] | null => {
      if (v === undefined || v === null || v.trim() === '') return null;
      if (!(codes as readonly string[]).includes(v)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return v;
    });
}

/** One code of a list; an empty field means `fallback`. */
export function codeOr<const C extends readonly [string, ...string[]]>(
  codes: C,
  fallback: C[number],
  message: string,
) {
  return optionalCode(codes, message).transform((v): C[number] => v ?? fallback);
}

/** An id from a form or URL; anything else is simply not found, so it is checked as a string only. */
export const id = (message: string) => plainText('single', message).min(1, message);

/** Kroner as typed (1234,50 or 1234.50); empty means unknown. */
export function optionalKr(label: string) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value, ctx): Ore | null => {
      if (value === null || value === undefined || String(value).trim() === '') return null;
      const result = parseKr(String(value));
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${result.error.message}` });
        return z.NEVER;
      }
      return result.value;
    });
}

/** Kroner as typed, required and above 0; the message is the amount's own (no field label before it). */
export function requiredKr(label: string) {
  const missing = `Skriv ${label} i kroner, fx 2500 eller 2500,50.`;
  return z
    .union([z.string(), z.number(), z.null()], { error: missing })
    .optional()
    .transform((value, ctx): Ore => {
      if (value === null || value === undefined || String(value).trim() === '') {
        ctx.addIssue({ code: 'custom', message: missing });
        return z.NEVER;
      }
      const result = parseKr(String(value));
      if (!result.ok || result.value <= 0) {
        ctx.addIssue({
          code: 'custom',
          message: result.ok ? 'Beløbet skal være større end 0 kr.' : result.error.message,
        });
        return z.NEVER;
      }
      return result.value;
    });
}

/** Parses a service's input or throws ValidationFailed with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

/** A zod error as the field-keyed Danish messages of ValidationFailed (the first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    fields[key] ??= issue.message;
  }
  return fields;
}
