import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';
import { eventsDa } from '../i18n/events.da.ts';
import type { MessageKey } from '../i18n/index.ts';
import { AUDIT_ACTIONS, AUDIT_SENTENCES, auditSentence } from './audit-actions.ts';
import { CASE_EVENT_SENTENCES, CASE_EVENT_TYPES, caseEventSentence } from './cases/case-record.ts';
import { PLAN_SENTENCES, planSentence } from './cases/plan-record.ts';

// Every event has words in both languages: each audit action the writers may record (AUDIT_ACTIONS, the
// type of AuditInput.action), each step of a case (CASE_EVENT_TYPES) and each change of a plan.

const danish: Record<string, string> = da;
const english: Record<string, string> = en;

/** The event codes without a Danish or an English sentence, or whose sentence takes a parameter. */
function missing(sentences: readonly (readonly [string, MessageKey])[]): string[] {
  return sentences.flatMap(([code, key]) => [
    ...(danish[key]?.trim() ? [] : [`${code}: no Danish words (${key})`]),
    ...(english[key]?.trim() ? [] : [`${code}: no English words (${key})`]),
    // A parameter could carry a note or a name into a list that shows none (spec: Audit log).
    ...(/\{\w+\}/.test(`${danish[key]}${english[key]}`) ? [`${code}: takes a parameter`] : []),
  ]);
}

const planSentences = Object.entries(PLAN_SENTENCES).flatMap(([entity, changes]) =>
  Object.keys(changes).map((change) => [`plan.${entity}.${change}`, planSentence(entity, change)] as const),
);

describe('every event in words', () => {
  it('has a sentence in Danish and English for every audit action', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(60);
    expect(missing(AUDIT_ACTIONS.map((a) => [a, AUDIT_SENTENCES[a]] as const))).toEqual([]);
  });

  it('has a sentence in Danish and English for every step of a case and every change of a plan', () => {
    expect(missing(CASE_EVENT_TYPES.map((type) => [type, caseEventSentence(type)] as const))).toEqual([]);
    expect(planSentences).toHaveLength(15);
    expect(missing(planSentences)).toEqual([]);
  });

  it('says different things in words for different steps of a case', () => {
    const words = CASE_EVENT_TYPES.map((type) => danish[CASE_EVENT_SENTENCES[type]]);
    expect(new Set(words).size).toBe(CASE_EVENT_TYPES.length);
  });

  it('keeps no sentence in the events catalogue that no event uses', () => {
    const used = new Set<string>([
      ...Object.values(AUDIT_SENTENCES),
      ...Object.values(CASE_EVENT_SENTENCES),
      ...planSentences.map(([, key]) => key),
    ]);
    expect(Object.keys(eventsDa).filter((key) => !used.has(key))).toEqual([]);
  });

  it('has no words for an action no writer records', () => {
    expect(auditSentence('purchase.submit')).toBe('audit.purchase.submit');
    expect(auditSentence('case.refer')).toBe('event.referred');
    expect(auditSentence('no.such')).toBeNull();
  });
});
