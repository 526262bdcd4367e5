// The four questionnaires (spec: Instruments; 2020 evaluation report, §5, §6.2, §6.3) as versioned,
// typed definitions. A saved answer set names its instrument and version, so a later version (a
// reworded item, a new item) never changes how old answers read. Version 1 asks exactly:
//
//   citizen_start  goal_categories (multi) · distance (very_far … close) · who5_1 … who5_5 (0–5)
//   support_start  belief (very_high … very_low)
//   citizen_end    distance (very_far … close, achieved) · who5_1 … who5_5 · self_determination (1–5)
//                  · quality_of_life (1–5)
//   support_end    assessment (the five levels of belief)
//
// Item ids are the `item` codes of the CSV import's `answers.csv` (formats: CSV import).
// The words (titles, questions, short names, answer labels) are in the catalogues under keys that name
// the version (i18n/domain-instruments.*.ts), so a new version gets new keys and old answers read as asked.

import { GOAL_CATEGORY, BELIEF, DISTANCE_END, DISTANCE_START, type Scale } from '../report/scales.ts';
import type { Assessment, Belief, DistanceEnd, DistanceStart, GoalCategory } from '../report/scales.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Role } from '../roles.ts';
import {
  WHO5_ANSWER_LABELS,
  WHO5_ITEM_IDS,
  WHO5_ITEM_TEXTS,
  WHO5_MAX,
  WHO5_MIN,
  type Who5ItemId,
} from './who5.ts';

export const INSTRUMENT_CODES = ['citizen_start', 'support_start', 'citizen_end', 'support_end'] as const;
export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

export const ITEM_IDS = [
  'goal_categories',
  'distance',
  'belief',
  'assessment',
  ...WHO5_ITEM_IDS,
  'self_determination',
  'quality_of_life',
] as const;
export type ItemId = (typeof ITEM_IDS)[number];

interface ItemBase {
  readonly id: ItemId;
  /** The question as asked. */
  readonly text: MessageKey;
  /** A short name for tables, reports and error messages. */
  readonly short: MessageKey;
}

/** One code of a scale (distance, belief, assessment). */
export interface SingleChoiceItem extends ItemBase {
  readonly kind: 'single';
  readonly scale: Scale<string>;
}

/** Any number of codes of a scale, each at most once (goal categories). */
export interface MultiChoiceItem extends ItemBase {
  readonly kind: 'multi';
  readonly scale: Scale<string>;
}

/** A whole number from min to max, each with a label (WHO-5, the two 5-point items). */
export interface RatingItem extends ItemBase {
  readonly kind: 'rating';
  readonly min: number;
  readonly max: number;
  readonly labels: Readonly<Record<number, MessageKey>>;
  /** The order a form lists the answers in. */
  readonly order: 'high_first' | 'low_first';
  /** Items shown together under one instruction. */
  readonly group?: 'who5';
}

export type ItemDefinition = SingleChoiceItem | MultiChoiceItem | RatingItem;

export type Respondent = 'citizen' | 'support';

export interface InstrumentDefinition<I extends InstrumentCode = InstrumentCode> {
  readonly code: I;
  readonly version: number;
  /** Who the questions are put to; a support person may enter a citizen's answers on their behalf. */
  readonly respondent: Respondent;
  readonly timing: 'start' | 'end';
  readonly title: MessageKey;
  readonly items: readonly ItemDefinition[];
}

// ---- Typed answer sets. An absent key is a missing answer; nothing is ever filled in for it.

export type Who5Answers = Partial<Record<Who5ItemId, number>>;

export interface CitizenStartAnswers extends Who5Answers {
  readonly goal_categories?: readonly GoalCategory[];
  readonly distance?: DistanceStart;
}
export interface SupportStartAnswers {
  readonly belief?: Belief;
}
export interface CitizenEndAnswers extends Who5Answers {
  readonly distance?: DistanceEnd;
  readonly self_determination?: number;
  readonly quality_of_life?: number;
}
export interface SupportEndAnswers {
  readonly assessment?: Assessment;
}

export interface AnswersByInstrument {
  readonly citizen_start: CitizenStartAnswers;
  readonly support_start: SupportStartAnswers;
  readonly citizen_end: CitizenEndAnswers;
  readonly support_end: SupportEndAnswers;
}
export type AnswersOf<I extends InstrumentCode> = AnswersByInstrument[I];

// ---- Version 1

const WHO5_SHORT: Readonly<Record<Who5ItemId, MessageKey>> = {
  who5_1: 'instrument.who5.short.who5_1',
  who5_2: 'instrument.who5.short.who5_2',
  who5_3: 'instrument.who5.short.who5_3',
  who5_4: 'instrument.who5.short.who5_4',
  who5_5: 'instrument.who5.short.who5_5',
};

const who5Items: readonly RatingItem[] = WHO5_ITEM_IDS.map((id) => ({
  id,
  kind: 'rating',
  text: WHO5_ITEM_TEXTS[id],
  short: WHO5_SHORT[id],
  min: WHO5_MIN,
  max: WHO5_MAX,
  labels: WHO5_ANSWER_LABELS,
  order: 'high_first',
  group: 'who5',
}));

// The two 5-point items use the wording of the support person's scale (the report's own words), with
// 5 the highest, so "I meget høj grad" means the same everywhere in the questionnaires.
const FIVE_POINT_LABELS: Readonly<Record<number, MessageKey>> = {
  5: BELIEF.labels.very_high,
  4: BELIEF.labels.high,
  3: BELIEF.labels.partly,
  2: BELIEF.labels.low,
  1: BELIEF.labels.very_low,
};

function fivePoint(id: ItemId, text: MessageKey, short: MessageKey): RatingItem {
  return { id, kind: 'rating', text, short, min: 1, max: 5, labels: FIVE_POINT_LABELS, order: 'high_first' };
}

const DISTANCE_SHORT: MessageKey = 'instrument.v1.distance.short';

const CITIZEN_START_V1: InstrumentDefinition<'citizen_start'> = {
  code: 'citizen_start',
  version: 1,
  respondent: 'citizen',
  timing: 'start',
  title: 'instrument.v1.citizen_start.title',
  items: [
    {
      id: 'goal_categories',
      kind: 'multi',
      scale: GOAL_CATEGORY,
      text: 'instrument.v1.goal_categories.text',
      short: 'instrument.v1.goal_categories.short',
    },
    {
      id: 'distance',
      kind: 'single',
      scale: DISTANCE_START,
      text: 'instrument.v1.distance_start.text',
      short: DISTANCE_SHORT,
    },
    ...who5Items,
  ],
};

const SUPPORT_START_V1: InstrumentDefinition<'support_start'> = {
  code: 'support_start',
  version: 1,
  respondent: 'support',
  timing: 'start',
  title: 'instrument.v1.support_start.title',
  items: [
    {
      id: 'belief',
      kind: 'single',
      scale: BELIEF,
      text: 'instrument.v1.belief.text',
      short: 'instrument.v1.belief.short',
    },
  ],
};

const CITIZEN_END_V1: InstrumentDefinition<'citizen_end'> = {
  code: 'citizen_end',
  version: 1,
  respondent: 'citizen',
  timing: 'end',
  title: 'instrument.v1.citizen_end.title',
  items: [
    {
      id: 'distance',
      kind: 'single',
      scale: DISTANCE_END,
      text: 'instrument.v1.distance_end.text',
      short: DISTANCE_SHORT,
    },
    ...who5Items,
    fivePoint(
      'self_determination',
      'instrument.v1.self_determination.text',
      'instrument.v1.self_determination.short',
    ),
    fivePoint('quality_of_life', 'instrument.v1.quality_of_life.text', 'instrument.v1.quality_of_life.short'),
  ],
};

const SUPPORT_END_V1: InstrumentDefinition<'support_end'> = {
  code: 'support_end',
  version: 1,
  respondent: 'support',
  timing: 'end',
  title: 'instrument.v1.support_end.title',
  items: [
    {
      id: 'assessment',
      kind: 'single',
      scale: BELIEF,
      text: 'instrument.v1.assessment.text',
      short: 'instrument.v1.assessment.short',
    },
  ],
};

/** Every version of every instrument, oldest first. Versions are never edited once in use. */
export const INSTRUMENTS: { readonly [I in InstrumentCode]: readonly InstrumentDefinition<I>[] } = {
  citizen_start: [CITIZEN_START_V1],
  support_start: [SUPPORT_START_V1],
  citizen_end: [CITIZEN_END_V1],
  support_end: [SUPPORT_END_V1],
};

export function isInstrumentCode(value: unknown): value is InstrumentCode {
  return typeof value === 'string' && (INSTRUMENT_CODES as readonly string[]).includes(value);
}

/** The version new answers are given in. */
export function currentInstrument<I extends InstrumentCode>(code: I): InstrumentDefinition<I> {
  const versions: readonly InstrumentDefinition<I>[] = INSTRUMENTS[code];
  const latest = versions.at(-1);
  if (latest === undefined) throw new RangeError(`No version of ${code}`);
  return latest;
}

/** A given version (to read saved answers), or null if it does not exist. */
export function findInstrument<I extends InstrumentCode>(
  code: I,
  version: number,
): InstrumentDefinition<I> | null {
  const versions: readonly InstrumentDefinition<I>[] = INSTRUMENTS[code];
  return versions.find((d) => d.version === version) ?? null;
}

export function findItem(def: InstrumentDefinition, id: string): ItemDefinition | null {
  return def.items.find((item) => item.id === id) ?? null;
}

/**
 * How a user in `role` answers an instrument: the respondent answers as themselves; a support person
 * enters a citizen's answers on the citizen's behalf (spec: Who answers; marked as such). Anyone else: null.
 */
export function entryMode(code: InstrumentCode, role: Role): 'self' | 'on_behalf' | null {
  const respondent = currentInstrument(code).respondent;
  if (role === respondent) return 'self';
  if (respondent === 'citizen' && role === 'support') return 'on_behalf';
  return null;
}
