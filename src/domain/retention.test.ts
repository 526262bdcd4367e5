import { describe, expect, it } from 'vitest';
import { completedYears, type CalendarDate } from './calendar-date.ts';
import {
  anonymisationRefusal,
  anonymiseOn,
  anonymousBirthDate,
  caseEventCodes,
  isDue,
  monthOf,
  monthOfOptional,
  onlyKeys,
} from './retention.ts';

const d = (iso: string) => iso as CalendarDate;

describe('the day a closed case is anonymised (spec: Retention)', () => {
  it('is the close date plus the retention period in whole months', () => {
    expect(anonymiseOn(d('2026-03-15'), 60)).toBe('2031-03-15');
    expect(anonymiseOn(d('2026-03-15'), 1)).toBe('2026-04-15');
    expect(anonymiseOn(d('2026-12-01'), 240)).toBe('2046-12-01');
  });

  it('takes the last day of a shorter month', () => {
    expect(anonymiseOn(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(anonymiseOn(d('2027-01-31'), 13)).toBe('2028-02-29');
    expect(anonymiseOn(d('2026-08-31'), 1)).toBe('2026-09-30');
    expect(anonymiseOn(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(anonymiseOn(d('2028-02-29'), 48)).toBe('2032-02-29');
  });

  it('is due on that day and after, not the day before', () => {
    expect(isDue(d('2026-01-31'), 1, d('2026-02-27'))).toBe(false);
    expect(isDue(d('2026-01-31'), 1, d('2026-02-28'))).toBe(true);
    expect(isDue(d('2026-01-31'), 1, d('2026-03-01'))).toBe(true);
    expect(isDue(d('2026-03-15'), 60, d('2031-03-14'))).toBe(false);
    expect(isDue(d('2026-03-15'), 60, d('2031-03-15'))).toBe(true);
  });
});

describe('rounded dates', () => {
  it('become the first of their month', () => {
    expect(monthOf(d('2026-02-28'))).toBe('2026-02-01');
    expect(monthOf(d('2026-12-01'))).toBe('2026-12-01');
    expect(monthOfOptional('2024-02-29')).toBe('2024-02-01');
    expect(monthOfOptional(null)).toBeNull();
  });
});

describe('the anonymous birth date', () => {
  it('is 1 January of (start year − age) for one case, so the age at its start stays', () => {
    expect(anonymousBirthDate(d('1987-11-23'), [d('2025-04-10')])).toBe('1988-01-01');
    expect(anonymousBirthDate(d('1987-03-02'), [d('2025-04-10')])).toBe('1987-01-01');
    expect(anonymousBirthDate(d('1987-04-10'), [d('2025-04-10')])).toBe('1987-01-01');
    expect(anonymousBirthDate(d('1987-04-11'), [d('2025-04-10')])).toBe('1988-01-01');
  });

  it('keeps the age at every start when a citizen had several cases', () => {
    const birth = d('1980-06-15');
    const starts = [d('2020-03-01'), d('2024-09-01')];
    const anonymous = anonymousBirthDate(birth, starts);
    expect(anonymous).toBe('1980-04-01');
    for (const s of starts) expect(completedYears(anonymous, s)).toBe(completedYears(birth, s));
  });

  it('falls back to the first of a month, and to the date itself, when nothing rounder keeps the ages', () => {
    // Starts on 14 and 16 June: only a birthday on 15 or 16 June keeps both ages.
    const birth = d('1990-06-15');
    const starts = [d('2020-06-14'), d('2021-06-16')];
    expect(anonymousBirthDate(birth, starts)).toBe(birth);
    expect(anonymousBirthDate(d('1990-06-01'), [d('2020-05-31'), d('2021-06-01')])).toBe('1990-06-01');
  });

  it('keeps the age for a birthday on 29 February', () => {
    const birth = d('2000-02-29');
    for (const start of [d('2025-02-28'), d('2025-03-01'), d('2024-02-29')]) {
      const anonymous = anonymousBirthDate(birth, [start]);
      expect(anonymous.endsWith('-01-01')).toBe(true);
      expect(completedYears(anonymous, start)).toBe(completedYears(birth, start));
    }
  });

  it('is 1 January of the birth year when no case started', () => {
    expect(anonymousBirthDate(d('1975-08-09'), [])).toBe('1975-01-01');
  });
});

describe('what an anonymised case keeps of its timeline and revisions', () => {
  it('keeps the codes and ids of an event, never other words', () => {
    expect(caseEventCodes({ source: 'other', imported: true, caseRef: 'ESDH-2019-114 Hansen' })).toEqual({
      source: 'other',
      imported: true,
    });
    expect(caseEventCodes({ method: 'in_person', note: 'Talte med Anna' })).toEqual({ method: 'in_person' });
    expect(caseEventCodes(null)).toBeNull();
  });

  it('picks named keys of an object and nothing of anything else', () => {
    const keys = new Set(['status']);
    expect(onlyKeys({ status: 'achieved', description: 'Kørekort' }, keys)).toEqual({ status: 'achieved' });
    expect(onlyKeys(['status'], keys)).toBeNull();
    expect(onlyKeys('status', keys)).toBeNull();
    expect(onlyKeys(null, keys)).toBeNull();
  });
});

describe('whether a case may be anonymised now', () => {
  const closed = {
    phase: 'closed',
    closedOn: '2026-01-31',
    anonymisedAt: null,
    legalHoldSince: null,
    restrictedSince: null,
    retentionMonths: 1,
  };
  const code = (facts: Partial<typeof closed> | object, cause: 'retention' | 'erasure', on = '2026-02-28') =>
    anonymisationRefusal({ ...closed, ...facts }, cause, d(on))?.code ?? null;

  it('by retention: a closed case on its day, not before, not under a hold or a restriction', () => {
    expect(code({}, 'retention')).toBeNull();
    expect(code({}, 'retention', '2026-02-27')).toBe('not_due');
    expect(code({ legalHoldSince: new Date() }, 'retention')).toBe('legal_hold');
    expect(code({ restrictedSince: new Date() }, 'retention')).toBe('case_restricted');
  });

  it('by erasure: any closed case without a hold, whatever its day', () => {
    expect(code({}, 'erasure', '2026-02-01')).toBeNull();
    expect(code({ restrictedSince: new Date() }, 'erasure')).toBeNull();
    expect(code({ legalHoldSince: new Date() }, 'erasure')).toBe('legal_hold');
  });

  it('never an open case, nor one already anonymised', () => {
    expect(code({ phase: 'active', closedOn: null }, 'erasure')).toBe('case_not_closed');
    expect(code({ anonymisedAt: new Date() }, 'retention')).toBe('case_anonymised');
  });
});
