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

import { GOAL_CATEGORY, BELIEF, DISTANCE_END, DISTANCE_START, type Scale } from '../report/scales.ts';
import type { Assessment, Belief, DistanceEnd, DistanceStart, GoalCategory } from '../report/scales.ts';
import type { BilingualLabel } from '../plan.ts';
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
  readonly text: BilingualLabel;
  /** A short name for tables, reports and error messages. */
  readonly short: BilingualLabel;
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
  readonly labels: Readonly<Record<number, BilingualLabel>>;
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
  readonly title: BilingualLabel;
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

const who5Items: readonly RatingItem[] = WHO5_ITEM_IDS.map((id, i) => ({
  id,
  kind: 'rating',
  text: WHO5_ITEM_TEXTS[id],
  short: { da: `Trivsel (WHO-5), udsagn ${i + 1}`, en: `Well-being (WHO-5), statement ${i + 1}` },
  min: WHO5_MIN,
  max: WHO5_MAX,
  labels: WHO5_ANSWER_LABELS,
  order: 'high_first',
  group: 'who5',
}));

// The two 5-point items use the wording of the support person's scale (the report's own words), with
// 5 the highest, so "I meget høj grad" means the same everywhere in the questionnaires.
const FIVE_POINT_LABELS: Readonly<Record<number, BilingualLabel>> = {
  5: BELIEF.labels.very_high,
  4: BELIEF.labels.high,
  3: BELIEF.labels.partly,
  2: BELIEF.labels.low,
  1: BELIEF.labels.very_low,
};

function fivePoint(id: ItemId, text: BilingualLabel, short: BilingualLabel): RatingItem {
  return { id, kind: 'rating', text, short, min: 1, max: 5, labels: FIVE_POINT_LABELS, order: 'high_first' };
}

const DISTANCE_SHORT: BilingualLabel = { da: 'Afstand til målet', en: 'Distance to goal' };

const CITIZEN_START_V1: InstrumentDefinition<'citizen_start'> = {
  code: 'citizen_start',
  version: 1,
  respondent: 'citizen',
  timing: 'start',
  title: { da: 'Borgerens spørgeskema ved start', en: "Citizen's questionnaire at the start" },
  items: [
    {
      id: 'goal_categories',
      kind: 'multi',
      scale: GOAL_CATEGORY,
      text: {
        da: 'Hvad handler dit langsigtede mål om? Vælg alle, der passer.',
        en: 'What is your long-term goal about? Choose all that apply.',
      },
      short: { da: 'Målkategorier', en: 'Goal categories' },
    },
    {
      id: 'distance',
      kind: 'single',
      scale: DISTANCE_START,
      text: {
        da: 'Hvor tæt er du på at nå dit langsigtede mål?',
        en: 'How close are you to reaching your long-term goal?',
      },
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
  title: { da: 'Støttepersonens spørgeskema ved start', en: "Support person's questionnaire at the start" },
  items: [
    {
      id: 'belief',
      kind: 'single',
      scale: BELIEF,
      text: {
        da: 'I hvor høj grad tror du, at borgeren når sit langsigtede mål i løbet af forløbet?',
        en: 'To what degree do you believe the citizen will reach their long-term goal during the case?',
      },
      short: { da: 'Tro på målet', en: 'Belief in the goal' },
    },
  ],
};

const CITIZEN_END_V1: InstrumentDefinition<'citizen_end'> = {
  code: 'citizen_end',
  version: 1,
  respondent: 'citizen',
  timing: 'end',
  title: { da: 'Borgerens spørgeskema ved afslutning', en: "Citizen's questionnaire at the end" },
  items: [
    {
      id: 'distance',
      kind: 'single',
      scale: DISTANCE_END,
      text: {
        da: 'Hvor tæt er du nu på at nå dit langsigtede mål?',
        en: 'How close are you now to reaching your long-term goal?',
      },
      short: DISTANCE_SHORT,
    },
    ...who5Items,
    fivePoint(
      'self_determination',
      {
        da: 'I hvor høj grad har du oplevet, at du selv har bestemt i forløbet?',
        en: 'To what degree have you felt that you decided for yourself during the case?',
      },
      { da: 'Oplevet selvbestemmelse', en: 'Experienced self-determination' },
    ),
    fivePoint(
      'quality_of_life',
      {
        da: 'I hvor høj grad har forløbet givet dig en bedre livskvalitet?',
        en: 'To what degree has the case given you a better quality of life?',
      },
      { da: 'Livskvalitet', en: 'Quality of life' },
    ),
  ],
};

const SUPPORT_END_V1: InstrumentDefinition<'support_end'> = {
  code: 'support_end',
  version: 1,
  respondent: 'support',
  timing: 'end',
  title: {
    da: 'Støttepersonens spørgeskema ved afslutning',
    en: "Support person's questionnaire at the end",
  },
  items: [
    {
      id: 'assessment',
      kind: 'single',
      scale: BELIEF,
      text: {
        da: 'I hvor høj grad har borgeren nået sit langsigtede mål i løbet af forløbet?',
        en: 'To what degree has the citizen reached their long-term goal during the case?',
      },
      short: { da: 'Vurdering af målopfyldelse', en: 'Assessment of goal attainment' },
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
