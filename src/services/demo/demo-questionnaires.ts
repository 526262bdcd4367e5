import { startedCasesWithoutAnswers } from '../../db/repositories/demo.repository.ts';
import { listUsersOfMunicipality } from '../../db/repositories/user.repository.ts';
import { addDays } from '../../domain/calendar-date.ts';
import type { InstrumentCode } from '../../domain/questionnaire/instrument.ts';
import type { Role } from '../../domain/roles.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createQuestionnaireService } from '../evaluation/questionnaire.service.ts';
import { DEMO_MUNICIPALITIES } from './demo-organisation.ts';
import type { DemoPersona } from './demo-persona.ts';
import { DEMO_PERSONAS } from './demo-personas.ts';

// The demo's questionnaires (spec: Demo personas), so the evaluation report has something to show: start
// questionnaires for every started case, end ones for the closed cases; a few saved part-way with
// items missing, and one support person's questionnaire never answered (so the overview shows it
// overdue). They go through the questionnaire service as each case's support person, who enters the
// citizen's answers on the citizen's behalf (the demo has no citizen log-ins). Start answers are dated
// a few days after the start, end answers on the closing day. A case with any answers is skipped, so
// loading again changes nothing.

type Answers = Record<string, string | number | string[]>;
type Script = Partial<Record<InstrumentCode, { answers: Answers; complete?: false }>>;

const who5 = (...v: [number, number, number, number, number]): Answers => ({
  who5_1: v[0],
  who5_2: v[1],
  who5_3: v[2],
  who5_4: v[3],
  who5_5: v[4],
});

/** Each persona's answers; goal categories come from the persona's plan. */
const SCRIPTS: Record<string, Script> = {
  mads: {
    citizen_start: { answers: { distance: 'far', ...who5(2, 2, 3, 1, 2) } },
    support_start: { answers: { belief: 'high' } },
  },
  sara: {
    citizen_start: { answers: { distance: 'some_way', ...who5(1, 1, 2, 1, 3) } },
    support_start: { answers: { belief: 'very_high' } },
  },
  // Part-way: the WHO-5 is still to be asked.
  jonas: {
    citizen_start: { answers: { distance: 'very_far' }, complete: false },
    support_start: { answers: { belief: 'partly' } },
  },
  lone: {
    citizen_start: { answers: { distance: 'far', ...who5(2, 1, 2, 2, 2) } },
    support_start: { answers: { belief: 'high' } },
  },
  // The support person's own questionnaire was never answered: overdue.
  peter: {
    citizen_start: { answers: { distance: 'some_way', ...who5(3, 2, 3, 2, 3) } },
  },
  // Birgitte (spec: Demo personas): close to the goal at the end; WHO-5 up from 28 to 52.
  birgitte: {
    citizen_start: { answers: { distance: 'very_far', ...who5(2, 1, 1, 2, 1) } },
    support_start: { answers: { belief: 'partly' } },
    citizen_end: {
      answers: { distance: 'close', ...who5(3, 3, 2, 2, 3), self_determination: 5, quality_of_life: 4 },
    },
    support_end: { answers: { assessment: 'high' } },
  },
  // Moved away in month 5: only the distance was asked at the end.
  kasper: {
    citizen_start: { answers: { distance: 'far', ...who5(2, 3, 2, 1, 2) } },
    support_start: { answers: { belief: 'high' } },
    citizen_end: { answers: { distance: 'far' }, complete: false },
    support_end: { answers: { assessment: 'low' } },
  },
  henrik: {
    citizen_start: { answers: { distance: 'very_far', ...who5(1, 1, 2, 1, 1) } },
    support_start: { answers: { belief: 'partly' } },
    citizen_end: {
      answers: { distance: 'achieved', ...who5(4, 3, 4, 3, 4), self_determination: 5, quality_of_life: 5 },
    },
    support_end: { answers: { assessment: 'very_high' } },
  },
  mette: {
    citizen_start: { answers: { distance: 'far', ...who5(1, 0, 1, 1, 1) } },
    support_start: { answers: { belief: 'low' } },
    citizen_end: {
      answers: { distance: 'close', ...who5(3, 2, 3, 2, 3), self_determination: 4, quality_of_life: 4 },
    },
    support_end: { answers: { assessment: 'high' } },
  },
  ali: {
    citizen_start: { answers: { distance: 'some_way', ...who5(3, 2, 3, 3, 2) } },
    support_start: { answers: { belief: 'very_high' } },
    citizen_end: {
      answers: { distance: 'achieved', ...who5(4, 4, 4, 3, 5), self_determination: 5, quality_of_life: 5 },
    },
    support_end: { answers: { assessment: 'very_high' } },
  },
  // The support person's end questionnaire is still missing.
  camilla: {
    citizen_start: { answers: { distance: 'far', ...who5(2, 2, 1, 1, 2) } },
    support_start: { answers: { belief: 'high' } },
    citizen_end: {
      answers: { distance: 'some_way', ...who5(2, 2, 2, 2, 3), self_determination: 3, quality_of_life: 3 },
    },
  },
};

const PURPOSE = 'borgerbudget demo';

export async function loadDemoQuestionnaires(deps: ServiceDeps, now: Date): Promise<void> {
  const questionnaires = createQuestionnaireService(deps);
  const base = today(now);
  for (const m of DEMO_MUNICIPALITIES) {
    const state = await deps.database.transaction({ municipalityId: m.id }, async (tx) => ({
      users: await listUsersOfMunicipality(tx, m.id),
      cases: await startedCasesWithoutAnswers(tx, m.id),
    }));
    for (const c of state.cases) {
      const persona = DEMO_PERSONAS.find((p) => p.municipalityId === m.id && p.name === c.name);
      const script = persona ? SCRIPTS[persona.key] : undefined;
      const user = state.users.find((u) => u.id === c.support_user_id);
      if (!persona || !script || !user) continue;
      const support: Actor = {
        userId: user.id,
        role: user.role as Role,
        municipalityId: m.id,
        municipalityName: m.name,
        name: user.name,
        email: user.email,
      };
      for (const [code, entry] of Object.entries(script) as [InstrumentCode, Script[InstrumentCode]][]) {
        if (!entry) continue;
        const answers =
          code === 'citizen_start' ? { ...goalCategoriesOf(persona), ...entry.answers } : entry.answers;
        await questionnaires.save(
          support,
          c.id,
          code,
          {
            answers,
            complete: entry.complete ?? true,
            answeredOn: addDays(base, -answeredDaysAgo(persona, code)),
          },
          PURPOSE,
        );
      }
    }
  }
}

function goalCategoriesOf(p: DemoPersona): Answers {
  const categories = p.plan?.goal?.categories;
  return categories ? { goal_categories: [...categories] } : {};
}

/** Start answers a few days into the period; end answers on the closing day. */
function answeredDaysAgo(p: DemoPersona, code: InstrumentCode): number {
  const start = p.startDaysAgo ?? 0;
  if (code === 'citizen_start' || code === 'support_start') return Math.max(0, start - 3);
  return p.close?.daysAgo ?? 0;
}
