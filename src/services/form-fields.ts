import { z } from 'zod';
import { parseDateInput, type CalendarDate } from '../domain/calendar-date.ts';
import { ValidationFailed, type FieldErrors } from '../domain/errors.ts';
import { krNumberToOre, parseKr, type MoneyResult, type Ore } from '../domain/money.ts';
import { hasControlCharacter, type TextLines } from '../domain/plain-text.ts';
import { isMessageKey, message, type Message, type MessageKey, type MessageParam } from '../i18n/index.ts';

// Field schemas shared by the input schemas of citizens, cases, plans and notes. Each accepts what an
// HTML form posts (strings, "on" for a ticked box, a repeated field as an array) and what the JSON API
// sends (booleans, arrays), and turns both into one typed value. A schema's messages are catalogue keys
// (src/i18n/fields*.ts), written with `say`; fieldErrors turns each issue back into a Message, which
// the page or the API answer translates into the reader's language.

/** A catalogue key as a zod message. The type checks the key; fieldErrors reads it back. */
export function say(key: MessageKey): string {
  return key;
}

/** A custom zod issue that says a Message, parameters and all. */
export function issue(said: Message): {
  code: 'custom';
  message: string;
  params?: Record<string, MessageParam>;
} {
  return said.params
    ? { code: 'custom', message: said.key, params: { ...said.params } }
    : { code: 'custom', message: said.key };
}

/**
 * Every text field of every input is built on this: trimmed, and refused with a message at the field
 * when it holds a control character (tabs and line breaks only where `lines` is 'multi', a textarea).
 */
export function plainText(lines: TextLines = 'single', error?: MessageKey) {
  return z
    .string({ error: error && say(error) })
    .trim()
    .refine((v) => !hasControlCharacter(v, lines), say('field.controlCharacter'));
}

/** Free text, trimmed and required: `missing` says what to write. */
export function text(missing: MessageKey, max: number, lines: TextLines = 'single') {
  return plainText(lines, missing).min(1, say(missing)).max(max, say('field.tooLong'));
}

/** Optional free text: an empty field becomes null. */
export function optionalText(max: number, lines: TextLines = 'single') {
  return plainText(lines)
    .max(max, say('field.tooLong'))
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));
}

/**
 * An optional calendar date: the ISO value of a date field or typed Danish text such as 7.12.2026
 * (parseDateInput). Empty means "today", which the service fills in.
 */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): CalendarDate | undefined => {
    if (v === undefined || v === '') return undefined;
    const date = parseDateInput(v);
    if (!date.ok) {
      ctx.addIssue(issue(date.message));
      return z.NEVER;
    }
    return date.value;
  });

/** HTML checkboxes send "on" when ticked and nothing otherwise; the API sends booleans. */
export const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A set of codes: repeated checkboxes arrive as one string or an array; the API sends an array. */
export function codeSet<const C extends readonly [string, ...string[]]>(codes: C, wrong: MessageKey) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(codes, { error: say(wrong) })))
    .transform((values) => codes.filter((c) => values.includes(c)) as C[number][]);
}

/** One code of a list, or null when the field is left empty. */
export function optionalCode<const C extends readonly [string, ...string[]]>(codes: C, wrong: MessageKey) {
  return z
    .string({ error: say(wrong) })
    .nullable()
    .optional()
    .transform((v, ctx): C[number] | null => {
      if (v === undefined || v === null || v.trim() === '') return null;
      if (!(codes as readonly string[]).includes(v)) {
        ctx.addIssue(issue(message(wrong)));
        return z.NEVER;
      }
      return v;
    });
}

/** One code of a list; an empty field means `fallback`. */
export function codeOr<const C extends readonly [string, ...string[]]>(
  codes: C,
  fallback: C[number],
  wrong: MessageKey,
) {
  return optionalCode(codes, wrong).transform((v): C[number] => v ?? fallback);
}

/** An id from a form or URL; anything else is simply not found, so it is checked as a string only. */
export const id = (missing: MessageKey) => plainText('single', missing).min(1, say(missing));

/**
 * An amount from a form or the API: text as people type it (parseKr: "6.500", "6 500", "6.500,50"), or
 * kroner as a JSON number with at most two decimals (conventions: Money is integer øre).
 */
export function readKr(value: string | number): MoneyResult {
  return typeof value === 'number' ? krNumberToOre(value) : parseKr(value);
}

/** Kroner as typed; empty means unknown. A wrong amount's message names the field. */
export function optionalKr(label: MessageKey) {
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value, ctx): Ore | null => {
      if (value === null || value === undefined || String(value).trim() === '') return null;
      const result = readKr(value);
      if (!result.ok) {
        ctx.addIssue(issue(labelled(label, result.error.message)));
        return z.NEVER;
      }
      return result.value;
    });
}

/** Kroner as typed, required; a wrong amount's message names the field (`notKr`: neither text nor number). */
export function labelledKr(label: MessageKey, notKr: MessageKey) {
  return z.union([z.string(), z.number()], { error: say(notKr) }).transform((value, ctx): Ore => {
    const result = readKr(value);
    if (!result.ok) {
      ctx.addIssue(issue(labelled(label, result.error.message)));
      return z.NEVER;
    }
    return result.value;
  });
}

function labelled(label: MessageKey, problem: Message): Message {
  return message('field.labelled', { label: message(label), problem });
}

/** Kroner as typed, required and above 0; the message is the amount's own (no field label before it). */
export function requiredKr() {
  const missing = message('field.amount.missing');
  return z
    .union([z.string(), z.number(), z.null()], { error: say(missing.key) })
    .optional()
    .transform((value, ctx): Ore => {
      if (value === null || value === undefined || String(value).trim() === '') {
        ctx.addIssue(issue(missing));
        return z.NEVER;
      }
      const result = readKr(value);
      if (!result.ok || result.value <= 0) {
        ctx.addIssue(issue(result.ok ? message('field.amount.positive') : result.error.message));
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

/** A zod error as the field-keyed messages of ValidationFailed (the first message per field). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of error.issues) {
    const key = problem.path.map(String).join('.') || '_form';
    fields[key] ??= issueMessage(problem);
  }
  return fields;
}

/**
 * An issue as a Message. A schema's own message is a catalogue key, with the parameters of a custom
 * issue and a limit's `maximum` or `minimum`; an issue no schema words itself (a wrong type from the
 * API, a limit without a message) gets a generic key, so zod's own wording never reaches a reader.
 */
function issueMessage(problem: z.core.$ZodIssue): Message {
  const params: Record<string, MessageParam> = problem.code === 'custom' ? { ...problem.params } : {};
  if (problem.code === 'too_big') params.maximum = Number(problem.maximum);
  if (problem.code === 'too_small') params.minimum = Number(problem.minimum);
  const key = isMessageKey(problem.message) ? problem.message : genericKey(problem);
  return message(key, Object.keys(params).length > 0 ? params : undefined);
}

function genericKey(problem: z.core.$ZodIssue): MessageKey {
  const text = problem.code !== 'custom' && 'origin' in problem && problem.origin === 'string';
  if (problem.code === 'too_big') return text ? 'field.tooLong' : 'field.tooBig';
  if (problem.code === 'too_small')
    return !text ? 'field.tooSmall' : Number(problem.minimum) <= 1 ? 'field.required' : 'field.tooShort';
  return 'field.invalid';
}
