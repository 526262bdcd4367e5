import { AARHUS, staff } from '../factories/case-factory.ts';
import { citizenSession } from '../factories/citizen-factory.ts';
import type { TestContext } from '../setup/test-db.ts';
import type { DynamicRow, Statuses } from './access-matrix-cases.ts';

// The citizen portal's rows of the access matrix (spec: Own case only). The portal is the citizen's alone:
// every staff role gets "not found" (404), exactly as a page that does not exist, and a visitor is sent to
// log in (303). Routes with an id are tried with a real id of a citizen's own things ("own"), which
// staff may not reach through the portal either. What a citizen may do — and that another citizen's id
// is "not found" — is tested in portal-pages.test.ts. Shared by the portal's pages: add a row per route.

const PORTAL_STATUSES: Statuses = {
  support: 404,
  coordinator: 404,
  finance: 404,
  admin: 404,
  evaluator: 404,
  anonymous: 303,
};

interface PortalWorld {
  t: TestContext;
  /** Real ids of a citizen's own things: their idea and a request waiting for their confirmation. */
  ideaId: string;
  requestId: string;
}

let world: PortalWorld | undefined;

/** Call once in the matrix's beforeAll, after the demo is loaded. */
export async function preparePortalWorld(t: TestContext): Promise<void> {
  const citizen = await citizenSession(t);
  const finance = await staff(t, AARHUS, 'okonomi');
  const vendorId = await t.services.budgets.addVendor(finance, { name: 'Matrixens Butik' });
  await t.services.portal.addIdea(citizen.actor, { text: 'En idé i matrixen' });
  const { ideas } = await t.services.portal.ideas(citizen.actor);
  const requestId = await t.services.purchases.create(citizen.support, citizen.caseId, {
    title: 'Matrixens køb',
    purpose: 'Til test',
    amountKr: '100',
    category: 'other',
    vendorId,
    paymentMethod: 'invoice',
  });
  world = { t, ideaId: ideas[0]?.id ?? '', requestId };
}

function portalWorld(): PortalWorld {
  if (!world) throw new Error('preparePortalWorld first');
  return world;
}

/** A row for a route without an id. */
function plain(route: string, form?: Record<string, string>): DynamicRow {
  const [, path = ''] = route.split(' ');
  return {
    route,
    prepare: () => Promise.resolve(form ? { path, form } : { path }),
    expected: PORTAL_STATUSES,
  };
}

/** A row for a route with parameters that are not ids (a questionnaire and its step). */
function step(route: string, path: string, form?: Record<string, string>): DynamicRow {
  return {
    route,
    prepare: () => Promise.resolve(form ? { path, form } : { path }),
    expected: PORTAL_STATUSES,
  };
}

/** A row for a route with the id of one of the citizen's own things. */
function own(route: string, id: (w: PortalWorld) => string): DynamicRow {
  const [, pattern = ''] = route.split(' ');
  return {
    route,
    target: 'own',
    prepare: () => Promise.resolve({ path: pattern.replace(':id', id(portalWorld())), form: {} }),
    expected: PORTAL_STATUSES,
  };
}

export function portalMatrix(): DynamicRow[] {
  return [
    // The frame, my dream and goals, ideas and money (portal.routes.tsx).
    plain('GET /borger/maal'),
    plain('POST /borger/maal/droem', { dream: 'En drøm' }),
    plain('GET /borger/ideer'),
    plain('POST /borger/ideer', { text: 'En idé' }),
    own('POST /borger/ideer/:id/fjern', (w) => w.ideaId),
    plain('GET /borger/budget'),
    plain('GET /borger/vaerdibeviser'),
    plain('GET /borger/koeb'),
    plain('GET /borger/koeb/nyt'),
    plain('POST /borger/koeb/nyt', { title: 'Sko', purpose: 'Til arbejdet', amountKr: '500' }),
    plain('GET /borger/bekraeft'),
    own('POST /borger/bekraeft/:id', (w) => w.requestId),
    own('GET /borger/bekraeft/:id/nej', (w) => w.requestId),
    own('POST /borger/bekraeft/:id/nej', (w) => w.requestId),
    // Questionnaires, the access log and my data (portal-self.routes.tsx).
    plain('GET /borger/spoergeskemaer'),
    step('GET /borger/spoergeskemaer/:instrument/:step', '/borger/spoergeskemaer/citizen_start/1'),
    step('POST /borger/spoergeskemaer/:instrument/:step', '/borger/spoergeskemaer/citizen_start/1', {
      action: 'next',
      'answers.goal_categories': 'housing',
    }),
    step('GET /borger/spoergeskemaer/:instrument/send', '/borger/spoergeskemaer/citizen_start/send'),
    step('POST /borger/spoergeskemaer/:instrument/send', '/borger/spoergeskemaer/citizen_start/send', {}),
    plain('GET /borger/log'),
    plain('GET /borger/mine-data'),
    plain('GET /borger/mine-data.json'),
    plain('GET /borger'),
  ];
}
