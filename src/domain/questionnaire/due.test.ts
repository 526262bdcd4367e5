import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.ts';
import { questionnaireStatus, questionnaireStatuses, type DueFacts } from './due.ts';
import type { InstrumentCode } from './instrument.ts';

const d = (s: string) => s as CalendarDate;

function facts(over: Partial<DueFacts> = {}): DueFacts {
  return {
    phase: 'active',
    startDate: d('2026-01-01'),
    endDate: d('2027-01-01'),
    closedOn: null,
    today: d('2026-01-01'),
    completed: new Set<InstrumentCode>(),
    ...over,
  };
}

describe('start questionnaires', () => {
  it('are due from the start date and overdue 30 days later', () => {
    expect(questionnaireStatus('citizen_start', facts({ today: d('2026-01-01') }))).toBe('due');
    expect(questionnaireStatus('support_start', facts({ today: d('2026-01-30') }))).toBe('due');
    expect(questionnaireStatus('support_start', facts({ today: d('2026-01-31') }))).toBe('overdue');
  });

  it('are done only when complete', () => {
    const f = facts({ today: d('2026-06-01'), completed: new Set<InstrumentCode>(['citizen_start']) });
    expect(questionnaireStatus('citizen_start', f)).toBe('done');
    expect(questionnaireStatus('support_start', f)).toBe('overdue');
  });
});

describe('end questionnaires', () => {
  it('are due in the last 30 days and overdue once the period is over', () => {
    expect(questionnaireStatus('citizen_end', facts({ today: d('2026-12-01') }))).toBe('not_due');
    expect(questionnaireStatus('citizen_end', facts({ today: d('2026-12-02') }))).toBe('due');
    expect(questionnaireStatus('support_end', facts({ today: d('2026-12-31') }))).toBe('due');
    expect(questionnaireStatus('support_end', facts({ today: d('2027-01-01') }))).toBe('overdue');
  });

  it('follow an end date moved by a pause', () => {
    const paused = facts({ phase: 'paused', endDate: d('2027-02-15'), today: d('2027-01-10') });
    expect(questionnaireStatus('citizen_end', paused)).toBe('not_due');
  });

  it('are due at closing, also when a case is terminated early, and overdue after', () => {
    const closed = facts({ phase: 'closed', closedOn: d('2026-05-10'), today: d('2026-05-10') });
    expect(questionnaireStatus('citizen_end', closed)).toBe('due');
    expect(questionnaireStatus('citizen_end', { ...closed, today: d('2026-05-11') })).toBe('overdue');
    expect(
      questionnaireStatus('citizen_end', { ...closed, completed: new Set<InstrumentCode>(['citizen_end']) }),
    ).toBe('done');
  });
});

describe('cases that never started', () => {
  it('have nothing due, even when declined and closed', () => {
    const declined = facts({
      phase: 'closed',
      startDate: null,
      endDate: null,
      closedOn: d('2026-01-05'),
      today: d('2026-03-01'),
    });
    expect(questionnaireStatuses(declined)).toEqual({
      citizen_start: 'not_due',
      support_start: 'not_due',
      citizen_end: 'not_due',
      support_end: 'not_due',
    });
    expect(questionnaireStatuses(facts({ phase: 'lead_in', startDate: null, endDate: null }))).toMatchObject({
      citizen_start: 'not_due',
    });
  });
});
