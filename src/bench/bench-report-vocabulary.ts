import type { ExpenseCategory } from '../domain/expense-category.ts';
import type { GoalCategory } from '../domain/plan.ts';

// What the report bench's generated cases are drawn from (bench-report-data.ts): the municipalities,
// the weights of each answer and category, and the SQL expressions that draw them at random.

// The 98 municipalities (official code and name); the first ones, largest first, get the most cases.
// Aarhus comes first, so the largest generated municipality is one the demo's staff know.
export const MUNICIPALITIES: readonly (readonly [number, string])[] = `
751 Aarhus, 101 København, 851 Aalborg, 461 Odense, 561 Esbjerg, 730 Randers, 621 Kolding,
630 Vejle, 615 Horsens, 791 Viborg, 740 Silkeborg, 657 Herning, 265 Roskilde, 370 Næstved,
147 Frederiksberg, 157 Gentofte, 159 Gladsaxe, 330 Slagelse, 540 Sønderborg, 316 Holbæk,
813 Frederikshavn, 860 Hjørring, 376 Guldborgsund, 746 Skanderborg, 580 Aabenraa,
510 Haderslev, 479 Svendborg, 607 Fredericia, 259 Køge, 217 Helsingør, 167 Hvidovre,
760 Ringkøbing-Skjern, 661 Holstebro, 326 Kalundborg, 219 Hillerød, 230 Rudersdal,
173 Lyngby-Taarbæk, 573 Varde, 390 Vordingborg, 846 Mariagerfjord, 430 Faaborg-Midtfyn,
270 Gribskov, 169 Høje-Taastrup, 756 Ikast-Brande, 779 Skive, 240 Egedal, 320 Faxe,
210 Fredensborg, 706 Syddjurs, 250 Frederikssund, 253 Greve, 151 Ballerup, 849 Jammerbugt,
360 Lolland, 766 Hedensted, 420 Assens, 710 Favrskov, 707 Norddjurs, 575 Vejen, 410 Middelfart,
810 Brønderslev, 820 Vesthimmerlands, 340 Sorø, 400 Bornholm, 787 Thisted, 550 Tønder,
175 Rødovre, 306 Odsherred, 329 Ringsted, 190 Furesø, 450 Nyborg, 480 Nordfyns, 153 Brøndby,
840 Rebild, 165 Albertslund, 201 Allerød, 163 Herlev, 350 Lejre, 161 Glostrup, 185 Tårnby,
336 Stevns, 223 Hørsholm, 440 Kerteminde, 260 Halsnæs, 269 Solrød, 183 Ishøj, 727 Odder,
530 Billund, 671 Struer, 773 Morsø, 665 Lemvig, 187 Vallensbæk, 155 Dragør, 482 Langeland,
741 Samsø, 492 Ærø, 563 Fanø, 825 Læsø`
  .split(',')
  .map((entry) => {
    const [code = '', ...name] = entry.trim().split(' ');
    return [Number(code), name.join(' ')] as const;
  });

/** The municipality's part of its staff's e-mail addresses: `aarhus`, `ringkobing-skjern`, `laeso`. */
export function municipalitySlug(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replaceAll(/[^a-z0-9]+/g, '-');
}

export const PURCHASE_WEIGHTS: Readonly<Record<ExpenseCategory, number>> = {
  transport: 25,
  electronics: 18,
  health: 12,
  education: 10,
  housing: 10,
  clothing_care: 8,
  exercise_leisure: 6,
  family_experiences: 4,
  debt: 4,
  business: 1,
  other: 2,
};

export const PURCHASE_TITLES: Readonly<Record<ExpenseCategory, string>> = {
  transport: 'Buskort',
  electronics: 'Bærbar computer',
  health: 'Tandbehandling',
  education: 'Kørekort, teori',
  housing: 'Indskud til lejlighed',
  clothing_care: 'Tøj til jobsamtale',
  exercise_leisure: 'Fitnessabonnement',
  family_experiences: 'Tur i Tivoli med børnene',
  debt: 'Afbetaling af kviklån',
  business: 'Værktøj til egen virksomhed',
  other: 'Andet køb',
};

export const GOAL_WEIGHTS: Readonly<Record<GoalCategory, number>> = {
  education_employment: 30,
  housing: 20,
  self_esteem_wellbeing: 14,
  health: 10,
  finances_debt: 9,
  social_relations: 8,
  independence: 6,
  substance_free: 3,
};

export const TERMINATION_REASONS = [
  'Flyttet fra kommunen',
  'Ønskede ikke at fortsætte',
  'Indlagt i længere tid',
  'Ingen kontakt trods flere forsøg',
  'Fik fuldtidsarbejde',
];

type Weights = readonly (readonly [string | null, number])[];

/** A uuid that follows from the seed and a key (an SQL text expression): the same every run. */
export const seededUuid = (seed: number, key: string) => `md5('${seed}/' || ${key})::uuid`;

export const literal = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);

/**
 * A SQL expression that picks one value at random by weight (null = a missing answer). One random()
 * per row: width_bucket finds the bucket of the cumulative weights it falls in.
 */
export function pick(weights: Weights): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let cumulative = 0;
  const bounds = weights.map(([, w]) => {
    const lower = cumulative / total;
    cumulative += w;
    return lower.toFixed(6);
  });
  return `(ARRAY[${weights.map(([v]) => literal(v)).join(', ')}]::text[])[width_bucket(random(), ARRAY[${bounds.join(', ')}]::float8[])]`;
}

export const entries = (r: Readonly<Record<string, number>>): Weights => Object.entries(r);

/** Index (0-based) of a code in a list, as a SQL expression over `value`. */
const DISTANCES = ['very_far', 'far', 'some_way', 'close', 'achieved'];
export const distanceCode = (index: string) => `(ARRAY[${DISTANCES.map(literal).join(', ')}])[${index} + 1]`;

/** A WHO-5 item (0–5) around a person's level, missing about 1 % of the time. */
const who5Item = (level: string) =>
  `CASE WHEN random() < 0.012 THEN NULL ELSE least(5, greatest(0, round(${level} + random() * 1.6 - 0.8)))::integer END`;
export const who5Items = (level: string) =>
  [1, 2, 3, 4, 5].map((i) => `'who5_${i}', ${who5Item(level)}`).join(', ');

export const BELIEF = pick([
  ['very_high', 20],
  ['high', 38],
  ['partly', 30],
  ['low', 8],
  ['very_low', 2],
  [null, 2],
]);

export const REFERRAL_SOURCE = pick([
  ['jobcenter', 40],
  ['street_team', 10],
  ['housing_support', 12],
  ['shelter', 8],
  ['substance_treatment', 6],
  ['psychiatry', 6],
  ['social_services', 12],
  ['self', 3],
  ['other', 3],
]);

export const INCOME_SOURCE = pick([
  ['cash_benefit', 44],
  ['education_benefit', 10],
  ['resource_course', 12],
  ['disability_pension', 14],
  ['student_grant', 3],
  ['employment', 5],
  ['other', 6],
  [null, 6],
]);

export const HIGHEST_EDUCATION = pick([
  ['primary', 52],
  ['upper_secondary', 25],
  ['higher', 6],
  ['unknown', 11],
  [null, 6],
]);

export const LEVEL_START = pick([
  ['0', 25],
  ['1', 40],
  ['2', 25],
  ['3', 10],
]);

export const SHIFT = pick([
  ['-1', 8],
  ['0', 27],
  ['1', 35],
  ['2', 20],
  ['3', 10],
]);

export const ASSESSMENT = pick([
  ['very_high', 18],
  ['high', 34],
  ['partly', 30],
  ['low', 11],
  ['very_low', 5],
  [null, 2],
]);
