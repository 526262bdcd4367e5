import { describe, expect, it } from 'vitest';
import { parseCalendarDate, type CalendarDate } from './calendar-date.ts';
import {
  CASE_PHASES,
  isCaseClosed,
  isCaseOpen,
  isSpendingPeriod,
  referredCase,
  transition,
  type CaseEvent,
  type CaseState,
  type TransitionContext,
  type TransitionResult,
} from './case-lifecycle.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

function d(iso: string): CalendarDate {
  const date = parseCalendarDate(iso);
  if (date === null) throw new Error(`bad test date ${iso}`);
  return date;
}

const ready: TransitionContext = { hasSupportPerson: true, conditionsAcknowledged: true, durationMonths: 12 };

function state(result: TransitionResult): CaseState {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.state;
}

function run(events: readonly CaseEvent[], context = ready): CaseState {
  return events.reduce<CaseState>((s, e) => state(transition(s, e, context)), referredCase(d('2024-01-02')));
}

const toLeadIn: CaseEvent[] = [
  { type: 'start_screening' },
  { type: 'accept', on: d('2024-01-10'), reason: 'Motiveret, i målgruppen' },
];
const toActive: CaseEvent[] = [...toLeadIn, { type: 'activate', startDate: d('2024-03-01') }];
const toPaused: CaseEvent[] = [...toActive, { type: 'pause', from: d('2024-05-01'), reason: 'Indlagt' }];

function refusal(from: CaseState, event: CaseEvent, context = ready) {
  const result = transition(from, event, context);
  if (result.ok) throw new Error(`expected ${event.type} to be refused in ${from.phase}`);
  return { ...result.error, message: danish(result.error.message) };
}

describe('transition: the happy path', () => {
  it('goes referred → screening → lead-in → active → paused → active → closed', () => {
    const activated = run(toActive);
    expect(activated).toMatchObject({
      phase: 'active',
      leadInStartedOn: '2024-01-10',
      startDate: '2024-03-01',
    });
    const resumed = run([...toPaused, { type: 'resume', on: d('2024-05-11') }]);
    expect(resumed).toMatchObject({
      phase: 'active',
      pauses: [{ from: '2024-05-01', to: '2024-05-11', reason: 'Indlagt' }],
    });
    const done = state(transition(resumed, { type: 'complete', on: d('2025-03-11') }, ready));
    expect(done).toMatchObject({
      phase: 'closed',
      outcome: 'completed',
      closedOn: '2025-03-11',
      reason: null,
    });
  });

  it('keeps the duration taken at activation whatever the programme says later', () => {
    const paused = run(toPaused, ready);
    const resumed = state(
      transition(paused, { type: 'resume', on: d('2024-05-02') }, { ...ready, durationMonths: 3 }),
    );
    expect(resumed).toMatchObject({ durationMonths: 12 });
  });

  it('trims reasons', () => {
    const declined = state(
      transition(run([]), { type: 'decline', on: d('2024-01-03'), reason: '  Flyttet  ' }, ready),
    );
    expect(declined).toMatchObject({ outcome: 'declined', reason: 'Flyttet', startDate: null });
  });
});

describe('transition: activation needs a support person and the conditions', () => {
  const leadIn = run(toLeadIn);
  const activate: CaseEvent = { type: 'activate', startDate: d('2024-03-01') };

  it('refuses without a support person', () => {
    expect(refusal(leadIn, activate, { ...ready, hasSupportPerson: false })).toEqual({
      code: 'support_person_missing',
      message: 'Forløbet kan ikke aktiveres, før der er tilknyttet en støtteperson.',
    });
  });

  it('refuses without a recorded acknowledgement of the conditions', () => {
    expect(refusal(leadIn, activate, { ...ready, conditionsAcknowledged: false }).code).toBe(
      'conditions_not_acknowledged',
    );
  });

  it('refuses a start date before the lead-in', () => {
    expect(refusal(leadIn, { type: 'activate', startDate: d('2024-01-09') })).toMatchObject({
      code: 'before_lead_in',
      field: 'startDate',
    });
  });

  it('throws on a programme duration that is not a positive whole number', () => {
    expect(() => transition(leadIn, activate, { ...ready, durationMonths: 0 })).toThrow(RangeError);
  });
});

describe('transition: which closes are allowed from where', () => {
  const on = d('2024-06-01');
  const states = {
    referred: run([]),
    screening: run(toLeadIn.slice(0, 1)),
    lead_in: run(toLeadIn),
    active: run(toActive),
    paused: run(toPaused),
  };
  const outcome = (from: CaseState, event: CaseEvent) => {
    const result = transition(from, event, ready);
    return result.ok ? result.state.phase : result.error.code;
  };

  it.each([
    ['referred', 'closed', 'not_granted', 'not_started'],
    ['screening', 'closed', 'not_granted', 'not_started'],
    ['lead_in', 'already_granted', 'closed', 'not_started'],
    ['active', 'already_granted', 'closed', 'closed'],
    ['paused', 'already_granted', 'closed', 'paused'],
  ] as const)(
    'from %s: decline → %s, terminate → %s, complete → %s',
    (phase, decline, terminate, complete) => {
      const from = states[phase];
      expect(outcome(from, { type: 'decline', on, reason: 'Ønsker ikke at deltage' })).toBe(decline);
      expect(outcome(from, { type: 'terminate', on, reason: 'Flyttet fra kommunen' })).toBe(terminate);
      expect(outcome(from, { type: 'complete', on })).toBe(complete);
    },
  );

  it('ends an open pause on the day a paused case is terminated', () => {
    const closed = state(transition(states.paused, { type: 'terminate', on, reason: 'Afsoner dom' }, ready));
    expect(closed).toMatchObject({ outcome: 'terminated_early', pauses: [{ from: '2024-05-01', to: on }] });
  });

  it('refuses a blank reason', () => {
    expect(refusal(states.active, { type: 'terminate', on, reason: '   ' })).toEqual({
      code: 'reason_required',
      message: 'Angiv en begrundelse.',
      field: 'reason',
    });
    expect(refusal(states.active, { type: 'pause', from: on, reason: '' }).code).toBe('reason_required');
  });

  it('refuses every event once the case is closed', () => {
    const closed = state(transition(states.active, { type: 'complete', on }, ready));
    for (const event of [...toPaused, { type: 'resume', on } as const, { type: 'complete', on } as const]) {
      expect(refusal(closed, event).code).toBe('case_closed');
    }
  });
});

describe('transition: dates must be in order', () => {
  const active = run(toActive);
  const paused = run(toPaused);

  it.each([
    [
      'accept before the referral',
      run(toLeadIn.slice(0, 1)),
      { type: 'accept', on: d('2024-01-01'), reason: 'x' },
    ],
    ['pause before the start', active, { type: 'pause', from: d('2024-02-29'), reason: 'x' }],
    ['resume before the pause', paused, { type: 'resume', on: d('2024-04-30') }],
    ['complete before the start', active, { type: 'complete', on: d('2024-02-01') }],
    ['terminate before the pause began', paused, { type: 'terminate', on: d('2024-04-30'), reason: 'x' }],
  ] as const)('refuses to %s', (_what, from, event) => {
    expect(refusal(from, event).field).toBeDefined();
  });

  it('allows a same-day resume (a pause of no days)', () => {
    expect(state(transition(paused, { type: 'resume', on: d('2024-05-01') }, ready))).toMatchObject({
      phase: 'active',
      pauses: [{ from: '2024-05-01', to: '2024-05-01' }],
    });
  });

  it('refuses a pause from the end date on, and an early end that is not early', () => {
    expect(refusal(active, { type: 'pause', from: d('2025-03-01'), reason: 'x' }).code).toBe('after_end');
    expect(refusal(active, { type: 'terminate', on: d('2025-03-01'), reason: 'x' }).code).toBe('period_over');
    const lastDay = transition(active, { type: 'terminate', on: d('2025-02-28'), reason: 'x' }, ready);
    expect(lastDay.ok).toBe(true);
  });
});

describe('transition: purity', () => {
  it('does not change the state it is given', () => {
    const paused = run(toPaused);
    if (paused.phase !== 'paused') throw new Error('expected a paused case');
    const frozen = Object.freeze({
      ...paused,
      pauses: Object.freeze(paused.pauses.map((p) => Object.freeze(p))),
    });
    const copy = structuredClone(frozen);
    for (const event of [
      { type: 'resume', on: d('2024-05-05') },
      { type: 'terminate', on: d('2024-05-05'), reason: 'Flyttet' },
    ] as const) {
      expect(transition(frozen, event, ready).ok).toBe(true);
    }
    expect(frozen).toEqual(copy);
  });
});

describe('what a phase allows', () => {
  const allowed = (rule: (phase: string) => boolean) => CASE_PHASES.filter(rule);

  it('is open — the plan may change, money be granted, requests written — from the lead-in until it closes', () => {
    expect(allowed(isCaseOpen)).toEqual(['lead_in', 'active', 'paused']);
  });

  it('spends money (submits, approves, pays) only while active', () => {
    expect(allowed(isSpendingPeriod)).toEqual(['active']);
  });

  it('cannot be changed once closed', () => {
    expect(allowed(isCaseClosed)).toEqual(['closed']);
  });
});
