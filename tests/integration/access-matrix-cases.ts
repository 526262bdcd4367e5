import type { Actor } from '../../src/services/context.ts';
import {
  AARHUS,
  caseIn,
  HALSNAES,
  programmeOf,
  registerCitizen,
  staff,
  testCpr,
  type Phase,
} from '../factories/case-factory.ts';
import type { TestContext } from '../setup/test-db.ts';

// The case pages' rows of the access matrix (spec: Case assignment): every route that takes a case id is
// tried on a case of the actor's municipality whose support person is the demo support person ("own"), on one
// with another support person ("own, not assigned") and on one of another municipality ("other").
// A route that changes a case gets a fresh case for each role that may change it, so one role's
// success never changes what the next one sees.

export type Who = 'support' | 'coordinator' | 'finance' | 'admin' | 'evaluator' | 'anonymous';
export type Statuses = Record<Who, number>;
export type Where = 'own' | 'unassigned' | 'other';

export interface Prepared {
  path: string;
  form?: Record<string, string>;
}

export interface DynamicRow {
  route: string;
  target?: 'own' | 'other' | 'unassigned' | 'ownDraft';
  prepare: (who: Who) => Promise<Prepared>;
  expected: Statuses;
}

interface World {
  t: TestContext;
  coordinator: Actor;
  support: Actor;
  otherSupport: Actor;
  halsnaesCoordinator: Actor;
  halsnaesSupport: Actor;
}

let world: World | undefined;

export async function prepareCaseWorld(t: TestContext): Promise<void> {
  world = {
    t,
    coordinator: await staff(t, AARHUS, 'koordinator'),
    support: await staff(t, AARHUS, 'stotteperson'),
    otherSupport: await staff(t, AARHUS, 'stotteperson2'),
    halsnaesCoordinator: await staff(t, HALSNAES, 'koordinator'),
    halsnaesSupport: await staff(t, HALSNAES, 'stotteperson'),
  };
}

function w(): World {
  if (!world) throw new Error('prepareCaseWorld first');
  return world;
}

/** Roles that may change a case get a fresh one; the rest share one (they only ever get 404 or 303). */
const shared = new Map<string, CaseIds>();

interface CaseIds {
  caseId: string;
  subGoalId: string;
  requestId: string;
}

/** How far the case's one purchase request has come (the money pages' rows). */
type RequestState = 'draft' | 'confirmed' | 'submitted';

const vendors = new Map<Where, string>();

/** A purchase request of 1.000 kr. on the case, with a grant to approve it from (spec: Approval). */
async function newRequest(
  who: { coordinator: Actor; support: Actor },
  where: Where,
  caseId: string,
  state: RequestState,
): Promise<string> {
  const { t } = w();
  const key: Where = where === 'other' ? 'other' : 'own';
  let vendorId = vendors.get(key);
  if (!vendorId) {
    vendorId = await t.services.budgets.addVendor(who.coordinator, {
      name: `Matrixleverandør ${key}`,
      cvr: key === 'own' ? '11223344' : '44332211',
    });
    vendors.set(key, vendorId);
  }
  await t.services.budgets.grant(who.coordinator, caseId, { amountKr: '10000' });
  const id = await t.services.purchases.create(who.support, caseId, {
    title: 'Matrixkøb',
    purpose: 'Matrix',
    amountKr: '1000',
    category: 'transport',
    vendorId,
    paymentMethod: 'invoice',
  });
  if (state === 'draft') return id;
  await t.services.purchases.confirm(who.support, id, { how: 'in_person' });
  if (state === 'confirmed') return id;
  await t.services.purchases.submit(who.support, id);
  return id;
}

async function newCase(phase: Phase, where: Where, withSubGoal: boolean, request?: RequestState) {
  const { t, coordinator, support, otherSupport, halsnaesCoordinator, halsnaesSupport } = w();
  const who =
    where === 'other'
      ? { coordinator: halsnaesCoordinator, support: halsnaesSupport }
      : { coordinator, support: where === 'own' ? support : otherSupport };
  const { caseId } = await caseIn(t, phase, who);
  const subGoalId = withSubGoal
    ? await t.services.plans.addSubGoal(who.coordinator, caseId, { description: 'Matrixdelmål' })
    : '';
  const requestId = request ? await newRequest(who, where, caseId, request) : '';
  return { caseId, subGoalId, requestId };
}

async function caseFor(
  who: Who,
  key: string,
  phase: Phase,
  where: Where,
  withSubGoal: boolean,
  request?: RequestState,
) {
  if (who === 'support' || who === 'coordinator') return newCase(phase, where, withSubGoal, request);
  const sharedKey = `${key}|${where}`;
  const existing = shared.get(sharedKey);
  if (existing) return existing;
  const made = await newCase(phase, where, withSubGoal, request);
  shared.set(sharedKey, made);
  return made;
}

const status = (all: number, except: Partial<Statuses> = {}): Statuses => ({
  support: all,
  coordinator: all,
  finance: all,
  admin: all,
  evaluator: all,
  anonymous: all,
  ...except,
});
export const onlyFor = (allowed: Partial<Statuses>): Statuses => status(404, { anonymous: 303, ...allowed });

interface CaseRouteSpec {
  route: string;
  phase: Phase;
  /** Statuses for the demo support person on their own case, and the coordinator. */
  support: number;
  coordinator: number;
  subGoal?: boolean;
  /** The case gets one purchase request, this far along (routes with :requestId). */
  request?: RequestState;
  form?: (ids: CaseIds) => Record<string, string>;
}

/** Three rows: own and assigned, own but assigned to someone else, another municipality's. */
function caseRows(spec: CaseRouteSpec): DynamicRow[] {
  const rows: [Where, Statuses][] = [
    ['own', onlyFor({ support: spec.support, coordinator: spec.coordinator })],
    ['unassigned', onlyFor({ coordinator: spec.coordinator })],
    ['other', onlyFor({})],
  ];
  return rows.map(([where, expected]) => ({
    route: spec.route,
    target: where,
    expected,
    prepare: async (who) => {
      const ids = await caseFor(who, spec.route, spec.phase, where, spec.subGoal ?? false, spec.request);
      const path = spec.route
        .replace(/^(GET|POST) /, '')
        .replace(':id', ids.caseId)
        .replace(':subGoalId', ids.subGoalId)
        .replace(':requestId', ids.requestId)
        .replace(':instrument', 'citizen_start');
      return { path, form: spec.form?.(ids) };
    },
  }));
}

const get = (route: string, phase: Phase = 'active'): CaseRouteSpec => ({
  route: `GET ${route}`,
  phase,
  support: 200,
  coordinator: 200,
});

export function caseMatrix(): DynamicRow[] {
  const fixed = (
    route: string,
    expected: Statuses,
    prepare: (who: Who) => Prepared | Promise<Prepared>,
    target?: Where,
  ): DynamicRow => ({
    route,
    expected,
    prepare: (who) => Promise.resolve(prepare(who)),
    ...(target ? { target } : {}),
  });
  return [
    fixed('GET /forloeb', onlyFor({ support: 200, coordinator: 200 }), () => ({ path: '/forloeb' })),
    fixed('GET /forloeb/oversigt', onlyFor({ coordinator: 200 }), () => ({
      path: '/forloeb/oversigt?fase=lead_in&forsinket=on',
    })),
    fixed('GET /forloeb/ny', onlyFor({ coordinator: 200 }), () => ({ path: '/forloeb/ny' })),
    fixed('POST /forloeb/ny/soeg', onlyFor({ coordinator: 200 }), () => ({
      path: '/forloeb/ny/soeg',
      form: { cpr: testCpr() },
    })),
    fixed('POST /forloeb/ny/borger', onlyFor({ coordinator: 303 }), () => ({
      path: '/forloeb/ny/borger',
      form: { cpr: testCpr(), name: 'Matrix Borger' },
    })),
    ...(['own', 'other'] as const).map((where) =>
      fixed(
        'GET /forloeb/ny/henvisning',
        onlyFor(where === 'own' ? { coordinator: 200 } : {}),
        async () => ({ path: `/forloeb/ny/henvisning?borger=${(await citizen(where)).id}` }),
        where,
      ),
    ),
    ...(['own', 'other'] as const).map((where) =>
      fixed(
        'POST /forloeb',
        onlyFor(where === 'own' ? { coordinator: 303 } : {}),
        async () => ({
          path: '/forloeb',
          form: {
            citizenId: (await citizen(where)).id,
            programmeId: await programmeOf(w().t, w().coordinator),
            source: 'jobcenter',
            reason: 'Matrix',
          },
        }),
        where,
      ),
    ),
    ...caseRows(get('/forloeb/:id')),
    ...caseRows(get('/forloeb/:id/betingelser')),
    ...caseRows(get('/forloeb/:id/plan')),
    ...caseRows(get('/forloeb/:id/baggrund')),
    ...caseRows({
      route: 'POST /forloeb/:id/baggrund',
      phase: 'active',
      support: 303,
      coordinator: 303,
      form: () => ({ baselineConsent: 'on', targetGroups: 'homelessness', incomeSource: 'cash_benefit' }),
    }),
    ...caseRows({ ...get('/forloeb/:id/stoetteperson'), support: 404 }),
    ...caseRows({ route: 'POST /forloeb/:id/visitation', phase: 'referred', support: 404, coordinator: 303 }),
    ...caseRows({
      route: 'POST /forloeb/:id/visitation/afgoerelse',
      phase: 'screening',
      support: 404,
      coordinator: 303,
      form: () => ({ 'screening.decision': 'accept', 'screening.reason': 'I målgruppen' }),
    }),
    ...caseRows({
      route: 'POST /forloeb/:id/stoetteperson',
      phase: 'lead_in',
      support: 404,
      coordinator: 303,
      form: () => ({ supportUserId: w().support.userId, reason: 'Borgerens ønske' }),
    }),
    ...caseRows({
      route: 'POST /forloeb/:id/betingelser',
      phase: 'lead_in',
      support: 303,
      coordinator: 303,
      form: () => ({ 'ack.method': 'in_person' }),
    }),
    ...caseRows({ route: 'POST /forloeb/:id/aktiver', phase: 'ready', support: 303, coordinator: 303 }),
    ...caseRows({
      route: 'POST /forloeb/:id/pause',
      phase: 'active',
      support: 303,
      coordinator: 303,
      form: () => ({ 'pause.reason': 'Indlagt' }),
    }),
    ...caseRows({ route: 'POST /forloeb/:id/genoptag', phase: 'paused', support: 303, coordinator: 303 }),
    // The pages that ask before closing, terminating, pausing or resuming (spec: Refused steps).
    ...caseRows(get('/forloeb/:id/afslut')),
    ...caseRows(get('/forloeb/:id/afbryd')),
    ...caseRows(get('/forloeb/:id/pause')),
    ...caseRows(get('/forloeb/:id/genoptag', 'paused')),
    // The citizen's activation code (spec: Citizen log-in): shown once on the page it answers with.
    ...caseRows({
      route: 'POST /forloeb/:id/aktiveringskode',
      phase: 'active',
      support: 201,
      coordinator: 201,
    }),
    ...caseRows({ route: 'POST /forloeb/:id/afslut', phase: 'active', support: 303, coordinator: 303 }),
    ...caseRows({
      route: 'POST /forloeb/:id/afbryd',
      phase: 'active',
      support: 303,
      coordinator: 303,
      form: () => ({ 'terminate.reason': 'Flyttet' }),
    }),
    ...caseRows({
      route: 'POST /forloeb/:id/noter',
      phase: 'active',
      support: 303,
      coordinator: 303,
      form: () => ({ 'note.body': 'Samtale i dag', 'note.internal': 'on' }),
    }),
    ...planRows(),
    ...moneyRows(),
    // Questionnaires (spec: Who answers): the support person answers, the coordinator reads.
    ...caseRows(get('/forloeb/:id/spoergeskemaer/:instrument')),
    ...caseRows({
      route: 'POST /forloeb/:id/spoergeskemaer/:instrument',
      phase: 'active',
      support: 303,
      coordinator: 404,
      form: () => ({ 'answers.distance': 'far', 'answers.who5_1': '3', action: 'partial' }),
    }),
  ];
}

/**
 * The case's money pages (spec: Request lifecycle): the support person and the coordinator; granting is the
 * coordinator's.
 */
function moneyRows(): DynamicRow[] {
  const step = (path: string, request: RequestState, form?: Record<string, string>) =>
    caseRows({
      route: `POST /forloeb/:id/anmodninger/:requestId/${path}`,
      phase: 'active',
      support: 303,
      coordinator: 303,
      request,
      ...(form ? { form: () => form } : {}),
    });
  return [
    ...caseRows(get('/forloeb/:id/budget')),
    ...caseRows({
      route: 'POST /forloeb/:id/budget/bevilling',
      phase: 'active',
      support: 404,
      coordinator: 303,
      form: () => ({ 'grant.amountKr': '1000' }),
    }),
    ...caseRows(get('/forloeb/:id/anmodninger/ny')),
    ...caseRows({
      route: 'POST /forloeb/:id/anmodninger/ny',
      phase: 'active',
      support: 303,
      coordinator: 303,
      // The vendor of the case's request: the new request names the same one.
      request: 'draft',
      form: () => ({
        title: 'Matrixcykel',
        purpose: 'Matrix',
        amountKr: '500',
        category: 'transport',
        vendorId: vendors.get('own') ?? '',
        paymentMethod: 'invoice',
      }),
    }),
    ...caseRows({ ...get('/forloeb/:id/anmodninger/:requestId'), request: 'draft' }),
    // A request without a voucher has no sheet to print: "not found" for everyone. Who sees a real
    // voucher's sheet is tested in voucher-pages.test.ts.
    ...caseRows({
      route: 'GET /forloeb/:id/anmodninger/:requestId/vaerdibevis',
      phase: 'active',
      request: 'draft',
      support: 404,
      coordinator: 404,
    }),
    ...step('bekraeft', 'draft', { 'confirm.how': 'in_person' }),
    ...step('indsend', 'confirmed'),
    ...step('godkend', 'submitted'),
    ...step('afvis', 'submitted', { 'reject.reason': 'Matrix' }),
    ...step('annuller', 'draft', { 'cancel.reason': 'Matrix' }),
  ];
}

function planRows(): DynamicRow[] {
  const post = (path: string, form: CaseRouteSpec['form'], subGoal = false) =>
    caseRows({
      route: `POST /forloeb/:id/plan/${path}`,
      phase: 'lead_in',
      support: 303,
      coordinator: 303,
      form,
      subGoal,
    });
  return [
    ...post('droem', () => ({ 'dream.dream': 'Et hjem' })),
    ...post('maal', () => ({ 'goal.description': 'Egen bolig', 'goal.categories': 'housing' })),
    ...post('delmaal', () => ({ 'subGoal.description': 'Skrive op til bolig' })),
    ...post(
      'delmaal/:subGoalId',
      ({ subGoalId }) => ({
        [`sub_${subGoalId}.description`]: 'Matrixdelmål',
        [`sub_${subGoalId}.status`]: 'in_progress',
      }),
      true,
    ),
    ...post(
      'delmaal/:subGoalId/aktiviteter',
      ({ subGoalId }) => ({
        [`act_${subGoalId}.description`]: 'Cykel',
        [`act_${subGoalId}.estimatedCostKr`]: '2500',
      }),
      true,
    ),
    ...post('ideer', () => ({ 'idea.text': 'Kursus' })),
  ];
}

const citizens = new Map<Where, { id: string }>();

/** A citizen with no case yet, of Aarhus ('own') or Halsnæs ('other'); one each, made on first use. */
async function citizen(where: 'own' | 'other'): Promise<{ id: string }> {
  const existing = citizens.get(where);
  if (existing) return existing;
  const { t, coordinator, halsnaesCoordinator } = w();
  const made = await registerCitizen(t, where === 'own' ? coordinator : halsnaesCoordinator);
  citizens.set(where, made);
  return made;
}
