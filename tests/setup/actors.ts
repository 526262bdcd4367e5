import type { StaffRole } from '../../src/domain/roles.ts';
import type { Actor } from '../../src/services/context.ts';
import {
  DEMO_EVALUATOR,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  demoEmail,
} from '../../src/services/demo/demo-organisation.ts';
import type { UserView } from '../../src/services/access/user.service.ts';
import type { TestContext } from './test-db.ts';

// Log-in-as-role helpers over the demo organisation (four municipalities, one user per staff role,
// plus the national evaluator), and a factory for extra staff users made the way an admin makes them.

export const AARHUS = 751;
export const HALSNAES = 250;

export const STAFF_ROLES_UNDER_TEST = ['support', 'coordinator', 'finance', 'admin', 'evaluator'] as const;

const LOCAL_PART: Record<Exclude<StaffRole, 'evaluator'>, string> = {
  coordinator: 'koordinator',
  support: 'stotteperson',
  finance: 'okonomi',
  admin: 'admin',
};

/** The demo log-in of a role in a municipality (the evaluator is national). */
export function demoEmailOf(role: StaffRole, municipalityId = AARHUS): string {
  if (role === 'evaluator') return DEMO_EVALUATOR.email;
  const m = DEMO_MUNICIPALITIES.find((x) => x.id === municipalityId);
  if (!m) throw new Error(`No demo municipality ${municipalityId}`);
  return demoEmail(m, LOCAL_PART[role]);
}

export async function loginAs(
  t: TestContext,
  role: StaffRole,
  municipalityId = AARHUS,
  address = '192.0.2.1',
): Promise<{ token: string; actor: Actor }> {
  return t.services.auth.login(
    { email: demoEmailOf(role, municipalityId), password: DEMO_PASSWORD },
    address,
  );
}

export async function actorOf(t: TestContext, role: StaffRole, municipalityId = AARHUS): Promise<Actor> {
  return (await loginAs(t, role, municipalityId)).actor;
}

let userCounter = 0;

/**
 * A new staff user created by `admin`, who has chosen `password` with their one-time code: the path a
 * real user takes.
 */
export async function createStaffUser(
  t: TestContext,
  admin: Actor,
  options: { role?: Exclude<StaffRole, 'evaluator'>; name?: string; email?: string; password?: string } = {},
): Promise<{ user: UserView; email: string; password: string; code: string }> {
  const n = ++userCounter;
  const email = options.email ?? `ny.bruger${n}@kommune${admin.municipalityId ?? 0}.example`;
  const password = options.password ?? 'lang grøn tekande ved fjorden';
  const { user, code } = await t.services.users.create(admin, {
    name: options.name ?? `Ny Medarbejder ${n}`,
    email,
    role: options.role ?? 'support',
  });
  await t.services.users.resetPassword(
    { email, code, password, passwordRepeat: password },
    `198.51.100.${n % 250}`,
  );
  return { user, email, password, code };
}
