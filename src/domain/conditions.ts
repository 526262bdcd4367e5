// The conditions the citizen must understand and accept before the start (spec: Conditions;
// 2020 evaluation report, §3.2: the support person makes sure they are understood). Generated
// from the programme's rules, so the printed page always says what the municipality has decided.

import { formatKr } from './money.ts';
import type { ProgrammeRules } from './programme-rules.ts';
import { message, type Message } from '../i18n/index.ts';

export interface Condition {
  readonly code:
    | 'no_cash'
    | 'through_support_person'
    | 'amount_and_period'
    | 'unused_funds'
    | 'receipts'
    | 'tax_free'
    | 'supplements_help';
  readonly text: Message;
}

export type ConditionRules = Pick<
  ProgrammeRules,
  'maxGrant' | 'durationMonths' | 'citizenSeesAmount' | 'unusedFunds' | 'directTransfer' | 'receiptsRequired'
>;

/** Plain words, one sentence or two each, in the order they are read aloud (i18n/domain-cases.*.ts). */
export function conditionsOf(rules: ConditionRules): Condition[] {
  const transfer = rules.directTransfer;
  const noCash = transfer.enabled
    ? message('condition.no_cash.transfers', {
        perTransfer: formatKr(transfer.maxPerTransfer),
        total: formatKr(transfer.maxTotal),
      })
    : message('condition.no_cash');
  const months = rules.durationMonths;
  const amount = rules.citizenSeesAmount
    ? message('condition.amount_and_period.amount', { amount: formatKr(rules.maxGrant), months })
    : message('condition.amount_and_period', { months });
  const conditions: Condition[] = [
    { code: 'no_cash', text: noCash },
    { code: 'through_support_person', text: message('condition.through_support_person') },
    { code: 'amount_and_period', text: amount },
    { code: 'unused_funds', text: message(`condition.unused_funds.${rules.unusedFunds}`) },
  ];
  if (rules.receiptsRequired) conditions.push({ code: 'receipts', text: message('condition.receipts') });
  conditions.push(
    { code: 'tax_free', text: message('condition.tax_free') },
    { code: 'supplements_help', text: message('condition.supplements_help') },
  );
  return conditions;
}
