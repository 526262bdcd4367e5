import type { Actor } from '../../src/services/context.ts';
import { AARHUS, caseIn, HALSNAES, staff } from '../factories/case-factory.ts';
import type { TestContext } from '../setup/test-db.ts';
import { onlyFor, type DynamicRow, type Where, type Who } from './access-matrix-cases.ts';

// The case's page about the citizen's personal data and its requests in the access matrix (spec:
// Data-subject requests): the coordinator of the case's municipality only — not the support person, not
// even on their own case — and "not found" for another municipality's case. Each route is tried on a case
// assigned to the demo support person ("own"), on one with another support person ("unassigned") and on
// one of Halsnæs ("other"). The coordinator gets a fresh case for each route that changes one; the other
// rows share a case per place (and state).

interface World {
  t: TestContext;
  coordinator: Actor;
  support: Actor;
  otherSupport: Actor;
  halsnaesCoordinator: Actor;
  halsnaesSupport: Actor;
}

let world: World | undefined;

export async function prepareDataSubjectWorld(t: TestContext): Promise<void> {
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
  if (!world) throw new Error('prepareDataSubjectWorld first');
  return world;
}

/** What a route needs of its case before it is tried: a restriction to lift, a hold to lift. */
type Setup = 'restricted' | 'held' | undefined;

const shared = new Map<string, string>();

async function newCase(where: Where, setup: Setup): Promise<string> {
  const { t, coordinator, support, otherSupport, halsnaesCoordinator, halsnaesSupport } = w();
  const who =
    where === 'other'
      ? { coordinator: halsnaesCoordinator, support: halsnaesSupport }
      : { coordinator, support: where === 'own' ? support : otherSupport };
  const { caseId } = await caseIn(t, 'lead_in', who);
  if (setup === 'restricted') {
    await t.services.dataSubject.restrict(who.coordinator, caseId, { reason: 'Matrix' });
  } else if (setup === 'held') {
    await t.services.retention.setLegalHold(who.coordinator, caseId, { reason: 'Matrix' });
  }
  return caseId;
}

/** A route that changes the case gets a fresh one for the coordinator; anything else shares. */
async function caseFor(who: Who, changes: boolean, where: Where, setup: Setup): Promise<string> {
  if (who === 'coordinator' && changes) return newCase(where, setup);
  const key = `${where}|${setup ?? ''}`;
  const existing = shared.get(key);
  if (existing) return existing;
  const made = await newCase(where, setup);
  shared.set(key, made);
  return made;
}

/** Three rows of one route: the coordinator's answer on the own municipality's cases, 404 elsewhere. */
function rows(
  route: string,
  coordinator: number,
  form?: Record<string, string>,
  setup?: Setup,
): DynamicRow[] {
  const changes = coordinator === 303;
  return (['own', 'unassigned', 'other'] as const).map((where) => ({
    route,
    target: where,
    expected: onlyFor(where === 'other' ? {} : { coordinator }),
    prepare: async (who: Who) => {
      const caseId = await caseFor(who, changes, where, setup);
      return { path: route.replace(/^(GET|POST) /, '').replace(':id', caseId), form };
    },
  }));
}

export function dataSubjectMatrix(): DynamicRow[] {
  return [
    ...rows('GET /forloeb/:id/persondata', 200),
    // The full copy is the command's answer: the file itself.
    ...rows('POST /forloeb/:id/persondata/kopi', 200, { format: 'json' }),
    ...rows('POST /forloeb/:id/persondata/begraensning', 303, { 'restrict.reason': 'Matrix' }),
    ...rows('POST /forloeb/:id/persondata/begraensning/ophaev', 303, {}, 'restricted'),
    ...rows('POST /forloeb/:id/persondata/tilbageholdelse', 303, { 'hold.reason': 'Matrix' }),
    ...rows('POST /forloeb/:id/persondata/tilbageholdelse/ophaev', 303, {}, 'held'),
    ...rows('GET /forloeb/:id/persondata/sletning', 200),
    // An open case under the public task: the coordinator is told why it cannot be erased (409), and
    // nothing changes.
    ...rows('POST /forloeb/:id/persondata/sletning', 409, { confirm: 'on' }),
  ];
}
