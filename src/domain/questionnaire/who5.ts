// WHO-5 well-being index (trivselsindeks), asked in `citizen_start` and `citizen_end` (spec: WHO-5). The
// item texts and answer labels are the official Danish version (Psykiatrisk Center Nordsjælland, as
// published by KL in its FHIR tools, `KLToolsCareWHO-5`) and the official English version (WHO 1998).
// An instrument is only comparable if it is asked word for word, so these texts are never reworded.
//
// Scoring: each item 0–5 (5 = "Hele tiden"), raw score = sum (0–25), score = raw × 4 (0–100). A score
// exists only when all five items are answered: a missing item is never guessed.

import type { BilingualLabel } from '../plan.ts';

export const WHO5_ITEM_IDS = ['who5_1', 'who5_2', 'who5_3', 'who5_4', 'who5_5'] as const;
export type Who5ItemId = (typeof WHO5_ITEM_IDS)[number];

export const WHO5_MIN = 0;
export const WHO5_MAX = 5;

export const WHO5_TITLE: BilingualLabel = {
  da: 'Trivsel (WHO-5)',
  en: 'Well-being (WHO-5)',
};

export const WHO5_INSTRUCTION: BilingualLabel = {
  da:
    'Sæt venligst ved hvert af de 5 udsagn et kryds i det felt der kommer tættest på hvordan du har ' +
    'følt dig i de seneste to uger. Bemærk at et højere tal står for bedre trivsel.',
  en:
    'Please indicate for each of the five statements which is closest to how you have been feeling ' +
    'over the last two weeks. Notice that higher numbers mean better well-being.',
};

export const WHO5_ITEM_TEXTS: Readonly<Record<Who5ItemId, BilingualLabel>> = {
  who5_1: {
    da: 'I de sidste 2 uger har jeg været glad og i godt humør',
    en: 'Over the last two weeks I have felt cheerful and in good spirits',
  },
  who5_2: {
    da: 'I de sidste 2 uger har jeg følt mig rolig og afslappet',
    en: 'Over the last two weeks I have felt calm and relaxed',
  },
  who5_3: {
    da: 'I de sidste 2 uger har jeg følt mig aktiv og energisk',
    en: 'Over the last two weeks I have felt active and vigorous',
  },
  who5_4: {
    da: 'I de sidste 2 uger er jeg vågnet frisk og udhvilet',
    en: 'Over the last two weeks I woke up feeling fresh and rested',
  },
  who5_5: {
    da: 'I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig',
    en: 'Over the last two weeks my daily life has been filled with things that interest me',
  },
};

/** The six answers, by their value. The form lists them from 5 down to 0, as the paper form does. */
export const WHO5_ANSWER_LABELS: Readonly<Record<number, BilingualLabel>> = {
  5: { da: 'Hele tiden', en: 'All of the time' },
  4: { da: 'Det meste af tiden', en: 'Most of the time' },
  3: { da: 'Lidt mere end halvdelen af tiden', en: 'More than half of the time' },
  2: { da: 'Lidt mindre end halvdelen af tiden', en: 'Less than half of the time' },
  1: { da: 'Lidt af tiden', en: 'Some of the time' },
  0: { da: 'På intet tidspunkt', en: 'At no time' },
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
