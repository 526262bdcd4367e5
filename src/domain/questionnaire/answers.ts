// Validating answers against an instrument version (spec: Instruments; spec: Saving part-way). A
// questionnaire may be saved part-way and completed later, so any subset of the items is a valid answer set;
// what is not answered is reported as missing and stays missing: no item ever gets a default value.
//
// Input is what a form, the API or the CSV import hands over, item id → value:
//   single choice  a code of the item's scale, e.g. "far"
//   multi choice   a list of codes, e.g. ["housing", "health"]; each code counts once
//   rating         a whole number from the item's min to max, e.g. 3
//   null           not answered (clears an earlier answer when merged); so is an empty list
// Text from forms and CSV files goes through `parseAnswerText` first.

import {
  findItem,
  type AnswersOf,
  type InstrumentCode,
  type InstrumentDefinition,
  type ItemDefinition,
  type ItemId,
  type MultiChoiceItem,
  type RatingItem,
  type SingleChoiceItem,
} from './instrument.ts';
import { message, type Message } from '../../i18n/index.ts';

export type AnswerValue = string | number | readonly string[];

export type AnswerErrorCode = 'unknown_item' | 'wrong_type' | 'out_of_scale';

export interface AnswerError {
  /** The item id as given (it may not be an item of the instrument). */
  readonly item: string;
  readonly code: AnswerErrorCode;
  readonly message: Message;
}

export interface AnswerValidation<I extends InstrumentCode = InstrumentCode> {
  /** No errors: the answers may be saved (even if some are missing). */
  readonly ok: boolean;
  /** The valid answers given, typed; absent keys are missing. */
  readonly answers: AnswersOf<I>;
  /** Items given as null (or an empty list): to be cleared when merged into earlier answers. */
  readonly cleared: readonly ItemId[];
  readonly errors: readonly AnswerError[];
  /** Items of the instrument without an answer (and without an error), in the instrument's order. */
  readonly missing: readonly ItemId[];
  /** All items answered and no errors. */
  readonly complete: boolean;
}

type Checked = { readonly value: AnswerValue | null } | { readonly error: AnswerError };

/** Validates a partial or complete answer set against one instrument version. */
export function validateAnswers<I extends InstrumentCode>(
  def: InstrumentDefinition<I>,
  input: Readonly<Record<string, unknown>>,
): AnswerValidation<I> {
  const answers: Partial<Record<ItemId, AnswerValue>> = {};
  const cleared: ItemId[] = [];
  const errors: AnswerError[] = [];
  const erred = new Set<string>();
  for (const [id, raw] of Object.entries(input)) {
    const item = findItem(def, id);
    const checked: Checked = item ? checkItem(item, raw) : { error: unknownItem(def, id) };
    if ('error' in checked) {
      errors.push(checked.error);
      erred.add(id);
    } else if (item && checked.value === null) cleared.push(item.id);
    else if (item && checked.value !== null) answers[item.id] = checked.value;
  }
  const missing = def.items.map((i) => i.id).filter((id) => answers[id] === undefined && !erred.has(id));
  return {
    ok: errors.length === 0,
    answers: answers as AnswersOf<I>,
    cleared,
    errors,
    missing,
    complete: errors.length === 0 && missing.length === 0,
  };
}

/**
 * Earlier answers updated with a validated set: given answers replace, cleared items are removed,
 * the rest is kept. Refuses a set with errors (bad input changes nothing).
 */
export function mergeAnswers<I extends InstrumentCode>(
  earlier: AnswersOf<I>,
  update: AnswerValidation<I>,
): AnswersOf<I> {
  if (!update.ok) throw new RangeError('Answers with errors cannot be merged');
  const cleared = new Set<string>(update.cleared);
  const kept = Object.entries(earlier).filter(([id]) => !cleared.has(id));
  return { ...Object.fromEntries(kept), ...update.answers };
}

// ---- One item

function checkItem(item: ItemDefinition, raw: unknown): Checked {
  if (raw === null || raw === undefined) return { value: null };
  switch (item.kind) {
    case 'single':
      return checkSingle(item, raw);
    case 'multi':
      return checkMulti(item, raw);
    case 'rating':
      return checkRating(item, raw);
  }
}

function checkSingle(item: SingleChoiceItem, raw: unknown): Checked {
  const name = message(item.short);
  if (typeof raw !== 'string') return fail(item, 'wrong_type', message('answers.chooseOne', { item: name }));
  if (!item.scale.codes.includes(raw)) {
    const said = message('answers.notAnAnswer', { values: `"${raw}"`, item: name, choices: choices(item) });
    return fail(item, 'out_of_scale', said);
  }
  return { value: raw };
}

function checkMulti(item: MultiChoiceItem, raw: unknown): Checked {
  const list: readonly unknown[] | null = Array.isArray(raw) ? (raw as readonly unknown[]) : null;
  if (list === null || !list.every((c): c is string => typeof c === 'string')) {
    return fail(item, 'wrong_type', message('answers.notAList', { item: message(item.short) }));
  }
  const codes = item.scale.codes;
  const unknown = list.filter((c) => !codes.includes(c));
  if (unknown.length > 0) {
    const values = unknown.map((c) => `"${c}"`).join(', ');
    const key = unknown.length === 1 ? 'answers.notAnAnswer' : 'answers.notAnswers';
    return fail(
      item,
      'out_of_scale',
      message(key, { values, item: message(item.short), choices: choices(item) }),
    );
  }
  if (list.length === 0) return { value: null };
  // Each code once, in the scale's order, so equal choices are stored equally.
  return { value: codes.filter((c) => list.includes(c)) };
}

function checkRating(item: RatingItem, raw: unknown): Checked {
  const range = { item: message(item.short), min: item.min, max: item.max };
  if (typeof raw !== 'number' || !Number.isInteger(raw)) {
    return fail(item, 'wrong_type', message('answers.notWhole', range));
  }
  if (raw < item.min || raw > item.max) {
    return fail(item, 'out_of_scale', message('answers.outOfRange', { ...range, value: raw }));
  }
  return { value: raw };
}

function choices(item: SingleChoiceItem | MultiChoiceItem): Message {
  const labels = item.scale.codes.map((c) => {
    const label = item.scale.labels[c];
    return label === undefined ? c : message(label);
  });
  return message('answers.choices', { labels: commaList(labels) });
}

/** "a, b, c" in the reader's language: each label a message of its own. */
function commaList([first, ...rest]: readonly (Message | string)[]): Message | string {
  if (first === undefined) return '';
  return rest.length === 0 ? first : message('answers.listMore', { first, rest: commaList(rest) });
}

function fail(item: ItemDefinition, code: AnswerErrorCode, said: Message): Checked {
  return { error: { item: item.id, code, message: said } };
}

function unknownItem(def: InstrumentDefinition, id: string): AnswerError {
  return {
    item: id,
    code: 'unknown_item',
    message: message('answers.unknownItem', { id, title: message(def.title), version: def.version }),
  };
}

// ---- Text input (forms, CSV)

/**
 * Turns the text a form or `answers.csv` holds into an answer value for `validateAnswers`: blank →
 * null (not answered); a rating → a number if it is written as a whole number; a multi choice →
 * codes separated by `|` (formats: CSV import). Nothing is judged here: a bad value goes on to get its
 * message.
 */
export function parseAnswerText(item: ItemDefinition, text: string): AnswerValue | null {
  const t = text.trim();
  if (t === '') return null;
  switch (item.kind) {
    case 'single':
      return t;
    case 'multi':
      return t
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c !== '');
    case 'rating':
      return /^[+-]?\d+$/.test(t) ? Number(t) : t;
  }
}
