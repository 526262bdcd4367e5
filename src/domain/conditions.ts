// The conditions the citizen must understand and accept before the start (spec: Conditions;
// 2020 evaluation report, §3.2: the support person makes sure they are understood). Generated
// from the programme's rules, so the printed page always says what the municipality has decided.

import { formatKr } from './money.ts';
import type { ProgrammeRules } from './programme-rules.ts';

export interface Condition {
  readonly code:
    | 'no_cash'
    | 'through_support_person'
    | 'amount_and_period'
    | 'unused_funds'
    | 'receipts'
    | 'tax_free'
    | 'supplements_help';
  readonly da: string;
}

export type ConditionRules = Pick<
  ProgrammeRules,
  'maxGrant' | 'durationMonths' | 'citizenSeesAmount' | 'unusedFunds' | 'directTransfer' | 'receiptsRequired'
>;

/** Plain Danish, one sentence or two each, in the order they are read aloud. */
export function conditionsOf(rules: ConditionRules): Condition[] {
  const transfer = rules.directTransfer;
  const noCash = transfer.enabled
    ? 'Du får som udgangspunkt ikke pengene udbetalt. Små beløb kan dog overføres til dig: ' +
      `højst ${formatKr(transfer.maxPerTransfer)} ad gangen og højst ${formatKr(transfer.maxTotal)} i alt.`
    : 'Du får ikke pengene udbetalt. Kommunen betaler direkte til butikken eller firmaet.';
  const amount = rules.citizenSeesAmount
    ? `Du kan bruge op til ${formatKr(rules.maxGrant)} på dine mål i ${rules.durationMonths} måneder fra startdatoen.`
    : `Du kan bruge budgettet på dine mål i ${rules.durationMonths} måneder fra startdatoen.`;
  const unused =
    rules.unusedFunds === 'citizen_may_use_all'
      ? 'Når du har nået dine delmål, må du bruge resten af budgettet på andet, der hjælper dig mod dit mål.'
      : 'Budgettet må kun bruges på de delmål, du har planlagt. Penge, der ikke bliver brugt, går tilbage til kommunen.';
  const conditions: Condition[] = [
    { code: 'no_cash', da: noCash },
    {
      code: 'through_support_person',
      da: 'Alle køb går gennem din støtteperson, som beder kommunen om at betale på dine vegne.',
    },
    { code: 'amount_and_period', da: amount },
    { code: 'unused_funds', da: unused },
  ];
  if (rules.receiptsRequired) {
    conditions.push({
      code: 'receipts',
      da: 'Du skal give din støtteperson kvitteringen for det, du køber.',
    });
  }
  conditions.push(
    {
      code: 'tax_free',
      da: 'Budgettet er skattefrit, og det bliver ikke trukket fra dine andre ydelser.',
    },
    {
      code: 'supplements_help',
      da: 'Budgettet kommer oven i den hjælp, du i øvrigt har ret til fra kommunen. Det erstatter den ikke.',
    },
  );
  return conditions;
}
