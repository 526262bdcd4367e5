// WHO-5 well-being index (trivselsindeks), asked in `citizen_start` and `citizen_end` (spec: WHO-5). The
// item texts and answer labels are the official Danish version (Psykiatrisk Center Nordsjælland, as
// published by KL in its FHIR tools, `KLToolsCareWHO-5`) and the official English version (WHO 1998).
// An instrument is only comparable if it is asked word for word, so these texts (in the catalogues,
// i18n/domain-instruments.*.ts) are never reworded.
//
// Scoring: each item 0–5 (5 = "Hele tiden"), raw score = sum (0–25), score = raw × 4 (0–100). A score
// exists only when all five items are answered: a missing item is never guessed.

import type { MessageKey } from '../../i18n/index.ts';

export const WHO5_ITEM_IDS = ['who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5'] as const;
export type Who5ItemId = (typeof WHO5_ITEM_IDS)[number];

export const WHO5_MIN = 0;
export const WHO5_MAX = 5;

export const WHO5_TITLE: MessageKey = 'instrument.who5.title';

export const WHO5_INSTRUCTION: MessageKey = 'instrument.who5.instruction';

export const WHO5_ITEM_TEXTS: Readonly<Record<Who5ItemId, MessageKey>> = {
  who5_1: 'instrument.who5.item.who5_1',
  who5_2: 'instrument.who5.item.who5_2',
  who5_3: 'instrument.who5.item.who5_3',
  who5_4: 'instrument.who5.item.who5_4',
  who5_5: 'instrument.who5.item.who5_5',
};

/** The six answers, by their value. The form lists them from 5 down to 0, as the paper form does. */
export const WHO5_ANSWER_LABELS: Readonly<Record<number, MessageKey>> = {
  5: 'instrument.who5.answer.5',
  4: 'instrument.who5.answer.4',
  3: 'instrument.who5.answer.3',
  2: 'instrument.who5.answer.2',
  1: 'instrument.who5.answer.1',
  0: 'instrument.who5.answer.0',
};

export function isWho5Value(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= WHO5_MIN && value <= WHO5_MAX;
}

/**
 * The WHO-5 score (raw sum × 4, 0–100) from the five items in order, or null if any is missing.
 * A value outside 0–5 is a bug (answers are validated when saved), so it throws.
 */
export function who5Score(items: readonly (number | null | undefined)[]): number | null {
  if (items.length !== WHO5_ITEM_IDS.length) throw new RangeError(`WHO-5 has 5 items, got ${items.length}`);
  let raw = 0;
  let complete = true;
  for (const item of items) {
    if (item === null || item === undefined) complete = false;
    else if (!isWho5Value(item)) throw new RangeError(`WHO-5 item out of range: ${String(item)}`);
    else raw += item;
  }
  return complete ? raw * 4 : null;
}

/** The WHO-5 score of an answer set (`citizen_start` or `citizen_end`), null unless all five are answered. */
export function who5ScoreOf(answers: Readonly<Partial<Record<Who5ItemId, number>>>): number | null {
  return who5Score(WHO5_ITEM_IDS.map((id) => answers[id]));
}
