import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, parseCalendarDate, type CalendarDate } from './calendar-date.ts';
import {
  endDate,
  referredCase,
  transition,
  type CaseEvent,
  type CasePhase,
  type CaseState,
} from './case-lifecycle.ts';
import { translate, translator, type Message } from '../i18n/index.ts';

/** A rule's message as a Danish reader sees it. */
const danish = (said: Message) => translate(translator('da'), said);

function d(iso: string): CalendarDate {
  const date = parseCalendarDate(iso);
  if (date === null) throw new Error(`bad test date ${iso}`);
  return date;
}

// ── Random sequences of events never reach a state the spec forbids ─────────────────────────────

const EDGES = new Set([
  'referred→screening',
  'referred→closed:declined',
  'screening→lead_in',
  'screening→closed:declined',
  'lead_in→active',
  'lead_in→closed:terminated_early',
  'active→paused',
  'active→closed:completed',
  'active→closed:terminated_early',
  'paused→active',
  'paused→closed:terminated_early',
]);

const edge = (from: CaseState, to: CaseState) =>
  `${from.phase}→${to.phase}${to.phase === 'closed' ? `:${to.outcome}` : ''}`;

function checkInvariants(s: CaseState): void {
  if (s.phase === 'referred' || s.phase === 'screening') return;
  expect(s.leadInStartedOn === null || s.leadInStartedOn >= s.referredOn).toBe(true);
  if (s.phase === 'lead_in') return;
  const start = s.startDate;
  if (start === null || s.durationMonths === null) {
    expect(s.pauses).toEqual([]);
  } else {
    expect(s.leadInStartedOn !== null && start >= s.leadInStartedOn).toBe(true);
    let since = start;
    s.pauses.forEach((p, i) => {
      expect(p.from >= since && p.reason.trim() === p.reason && p.reason !== '').toBe(true);
      expect(p.from < endDate(start, s.durationMonths ?? 0, s.pauses.slice(0, i), p.from)).toBe(true);
      const open = p.to === null;
      expect(open).toBe(s.phase === 'paused' && i === s.pauses.length - 1);
      since = p.to ?? p.from;
    });
  }
  if (s.phase !== 'closed') return;
  expect(s.reason === null).toBe(s.outcome === 'completed');
  expect(s.outcome === 'declined' ? s.leadInStartedOn === null : s.leadInStartedOn !== null).toBe(true);
  if (s.outcome === 'completed') expect(s.startDate).not.toBeNull();
  const lastDate = [s.referredOn, s.leadInStartedOn, s.startDate, ...s.pauses.flatMap((p) => [p.from, p.to])]
    .filter((x) => x !== null)
    .sort()
    .at(-1);
  expect(lastDate !== undefined && s.closedOn >= lastDate).toBe(true);
  if (s.outcome === 'terminated_early' && s.startDate !== null) {
    expect(s.closedOn < endDate(s.startDate, s.durationMonths ?? 0, s.pauses, s.closedOn)).toBe(true);
  }
}

const EVENT_TYPES: readonly CaseEvent['type'][] = [
  'start_screening',
  'accept',
  'decline',
  'activate',
  'pause',
  'resume',
  'complete',
  'terminate',
];
const mostly = fc.constantFrom(true, true, true, false);

const step = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  // Half the steps take the phase's natural next event, so random walks get deep into the graph.
  natural: fc.boolean(),
  offset: fc.integer({ min: -30, max: 120 }),
  reason: fc.constantFrom('', '  ', 'Indlagt', ' Afsoner kort dom '),
  hasSupportPerson: mostly,
  conditionsAcknowledged: mostly,
  durationMonths: fc.integer({ min: 1, max: 15 }),
});

function naturalNext(phase: CasePhase, type: CaseEvent['type']): CaseEvent['type'] {
  if (phase === 'referred') return 'start_screening';
  if (phase === 'screening') return 'accept';
  if (phase === 'lead_in') return 'activate';
  if (phase === 'active') return type === 'complete' || type === 'terminate' ? type : 'pause';
  return type === 'terminate' ? type : 'resume';
}

function eventOf(type: CaseEvent['type'], on: CalendarDate, reason: string): CaseEvent {
  switch (type) {
    case 'start_screening':
      return { type };
    case 'activate':
      return { type, startDate: on };
    case 'pause':
      return { type, from: on, reason };
    case 'resume':
    case 'complete':
      return { type, on };
    default:
      return { type, on, reason };
  }
}

describe('transition: random sequences of events', () => {
  it('only take allowed steps and keep every invariant', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let s: CaseState = referredCase(d('2024-01-02'));
        let cursor = s.referredOn;
        for (const { type, natural, offset, reason, ...context } of steps) {
          const on = addDays(cursor, offset);
          cursor = on > cursor ? on : cursor;
          const chosen = natural ? naturalNext(s.phase, type) : type;
          const result = transition(s, eventOf(chosen, on, reason), context);
          if (!result.ok) {
            if (s.phase === 'closed') expect(result.error.code).toBe('case_closed');
            expect(danish(result.error.message)).toMatch(/^[A-ZÆØÅ].*\.$/);
            continue;
          }
          const next = result.state;
          expect(s.phase).not.toBe('closed');
          expect(EDGES.has(edge(s, next))).toBe(true);
          if (next.phase === 'active' && s.phase === 'lead_in') {
            expect(context.hasSupportPerson && context.conditionsAcknowledged).toBe(true);
          }
          checkInvariants(next);
          reached.add(edge(s, next));
          s = next;
        }
      }),
      { numRuns: 1000 },
    );
    // The generator is useful only if it walks every edge of the graph.
    expect([...reached].sort()).toEqual([...EDGES].sort());
  });
});
