import type { DatabaseHandle, TenantScope } from '../db/client.ts';
import type { Role } from '../domain/roles.ts';
import type { SignIn } from '../domain/sign-in.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: every service entry point takes the actor first (conventions: One access module). */
export interface Actor {
  userId: string;
  role: Role;
  /** null only for the national evaluator. */
  municipalityId: number | null;
  /** Shown in the page header; the national agency for the evaluator. */
  municipalityName: string;
  name: string;
  /** null for a citizen who logs in by mobile number. */
  email: string | null;
  requestId?: string | undefined;
  /**
   * How the actor signed in, for a session or an API token; absent for the app's own work (the CLI, jobs),
   * which no sign-in level limits.
   */
  signIn?: SignIn;
}

export interface ServiceDeps {
  database: DatabaseHandle;
  clock: Clock;
  /** `cpr`: the CPR keys, newest first (spec: CPR key rotation). */
  secrets: { session: Buffer; cpr: readonly Buffer[] };
  /** Production refuses demo data. */
  production: boolean;
  /** How long idempotency keys are kept (default 24 hours). */
  idempotencyKeyHours?: number;
}

/** The row-level-security scope an actor works in: their municipality; the evaluator, all. */
export function scopeOf(actor: Actor): TenantScope {
  return actor.municipalityId === null ? 'all' : { municipalityId: actor.municipalityId };
}
