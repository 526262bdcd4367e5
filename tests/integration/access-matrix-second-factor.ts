import type { Actor } from '../../src/services/context.ts';
import { actorOf, AARHUS, createStaffUser, HALSNAES } from '../setup/actors.ts';
import { enrolSecondFactor } from '../setup/second-factor.ts';
import type { TestContext } from '../setup/test-db.ts';
import { onlyFor, type DynamicRow, type Statuses } from './access-matrix-cases.ts';

// The second factor in the access matrix (spec: Staff log-in). The log-in's second step is public and,
// without a waiting log-in, sends everyone back to log in; an empty code is refused before any check.
// Every staff user, the evaluator too, has their own settings; only the administrator resets another
// user's second factor, in their own municipality.

const EVERY_STAFF_USER = (status: number) =>
  onlyFor({ support: status, coordinator: status, finance: status, admin: status, evaluator: status });
const EVERYONE = (status: number): Statuses => ({ ...EVERY_STAFF_USER(status), anonymous: status });

let users: { own: string; other: string } | undefined;

/** A user of Aarhus with a second factor (for the administrator to reset), and one of Halsnæs. */
export async function prepareSecondFactorWorld(t: TestContext): Promise<void> {
  const admin: Actor = await actorOf(t, 'admin', AARHUS);
  const made = await createStaffUser(t, admin);
  const { actor } = await t.services.auth.login(
    { email: made.email, password: made.password },
    '192.0.2.200',
  );
  await enrolSecondFactor(t.services, t.clock, actor);
  users = { own: actor.userId, other: (await actorOf(t, 'support', HALSNAES)).userId };
}

function user(which: 'own' | 'other'): string {
  if (!users) throw new Error('prepareSecondFactorWorld was not run');
  return users[which];
}

const row = (route: string, expected: Statuses, form?: Record<string, string>): DynamicRow => ({
  route,
  prepare: () => Promise.resolve({ path: route.split(' ')[1] ?? '', ...(form ? { form } : {}) }),
  expected,
});

export function secondFactorMatrix(): DynamicRow[] {
  const empty = { code: '' };
  return [
    row('GET /log-ind/to-trin', EVERYONE(303)),
    row('POST /log-ind/to-trin', EVERYONE(401), empty),
    row('GET /log-ind/to-trin/tilmeld', EVERYONE(303)),
    row('POST /log-ind/to-trin/tilmeld', EVERYONE(303), empty),
    row('GET /mine-indstillinger/to-trin', EVERY_STAFF_USER(200)),
    // Starting sets a secret up, which the enrolment page then shows.
    row('POST /mine-indstillinger/to-trin/start', EVERY_STAFF_USER(303), {}),
    row('GET /mine-indstillinger/to-trin/tilmeld', EVERY_STAFF_USER(200)),
    row('POST /mine-indstillinger/to-trin/tilmeld', EVERY_STAFF_USER(422), empty),
    row('POST /mine-indstillinger/to-trin/gendannelseskoder', EVERY_STAFF_USER(422), empty),
    row('POST /mine-indstillinger/to-trin/slaa-fra', EVERY_STAFF_USER(422), empty),
    {
      route: 'POST /brugere/:id/to-trin/nulstil',
      target: 'own',
      prepare: () => Promise.resolve({ path: `/brugere/${user('own')}/to-trin/nulstil` }),
      expected: onlyFor({ admin: 303 }),
    },
    {
      route: 'POST /brugere/:id/to-trin/nulstil',
      target: 'other',
      prepare: () => Promise.resolve({ path: `/brugere/${user('other')}/to-trin/nulstil` }),
      expected: onlyFor({}),
    },
  ];
}
