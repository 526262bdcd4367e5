import { describe, expect, it } from 'vitest';
import { ore } from './money.ts';
import { checkRuleConsistency, DEFAULT_POOL, defaultProgrammeRules, MAX_GRANT } from './programme-rules.ts';

describe('programme rules', () => {
  it('has the default rules of the specification', () => {
    const rules = defaultProgrammeRules();
    expect(rules.maxGrant).toBe(50_000_00);
    expect(rules.durationMonths).toBe(12);
    expect(rules.maxLeadInMonths).toBe(6);
    expect(rules.singleApprovalLimit).toBe(5_000_00);
    expect(rules.directTransfer.enabled).toBe(false);
    expect(rules.citizenSeesAmount).toBe(true);
    expect(rules.receiptsRequired).toBe(true);
    expect(Object.keys(rules.categoryRules)).toHaveLength(11);
    expect(checkRuleConsistency(rules)).toEqual({});
  });

  it("caps a grant at the scheme's 50,000 kr., and gives a new programme room for 25 citizens", () => {
    expect(MAX_GRANT).toBe(50_000_00);
    expect(DEFAULT_POOL).toBe(25 * 50_000_00);
  });

  it('refuses a grant above 50,000 kr.', () => {
    const rules = { ...defaultProgrammeRules(), maxGrant: ore(60_000_00) };
    expect(Object.keys(checkRuleConsistency(rules))).toEqual(['maxGrant']);
  });

  it('refuses an approval limit above the grant', () => {
    const rules = { ...defaultProgrammeRules(), maxGrant: ore(4_000_00) };
    expect(Object.keys(checkRuleConsistency(rules))).toEqual(['singleApprovalLimit']);
  });

  it('requires sensible limits when direct transfer is on', () => {
    const rules = defaultProgrammeRules();
    rules.directTransfer = { enabled: true, maxPerTransfer: ore(500_00), maxTotal: ore(200_00) };
    expect(Object.keys(checkRuleConsistency(rules))).toEqual(['directTransferMaxTotal']);
    rules.directTransfer = { enabled: true, maxPerTransfer: ore(0), maxTotal: ore(0) };
    expect(Object.keys(checkRuleConsistency(rules))).toEqual(['directTransferMaxPerTransfer']);
  });
});
