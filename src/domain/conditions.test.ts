import { describe, expect, it } from 'vitest';
import { conditionsOf } from './conditions.ts';
import { ore } from './money.ts';
import { defaultProgrammeRules } from './programme-rules.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

const danish = (said: Message | undefined) =>
  said === undefined ? undefined : translate(translator('da'), said);

describe('the conditions the citizen accepts', () => {
  it('say what the default rules say, in plain Danish', () => {
    const conditions = conditionsOf(defaultProgrammeRules());
    expect(conditions.map((c) => c.code)).toEqual([
      'no_cash',
      'through_support_person',
      'amount_and_period',
      'unused_funds',
      'receipts',
      'tax_free',
      'supplements_help',
    ]);
    expect(danish(conditions[2]?.text)).toBe(
      'Du kan bruge op til 50.000\u00a0kr. på dine mål i 12 måneder fra startdatoen.',
    );
  });

  it('follow the programme: no amount shown, small transfers allowed, planned sub-goals only', () => {
    const rules = {
      ...defaultProgrammeRules(),
      citizenSeesAmount: false,
      receiptsRequired: false,
      unusedFunds: 'planned_subgoals_only' as const,
      directTransfer: { enabled: true, maxPerTransfer: ore(50_000), maxTotal: ore(200_000) },
    };
    const text = conditionsOf(rules)
      .map((c) => danish(c.text))
      .join(' ');
    expect(text).not.toContain('50.000');
    expect(text).toContain('højst 500\u00a0kr. ad gangen og højst 2.000\u00a0kr. i alt.');
    expect(text).not.toContain('..');
    expect(text).toContain('kun bruges på de delmål, du har planlagt');
    expect(conditionsOf(rules).map((c) => c.code)).not.toContain('receipts');
  });
});
