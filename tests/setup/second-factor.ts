import { base32Decode, totp } from '../../src/domain/totp.ts';
import type { Actor } from '../../src/services/context.ts';
import type { Services } from '../../src/services/index.ts';
import type { TestClock } from './test-deps.ts';

// A staff user's second factor the way they set it up (spec: Staff log-in): start from their settings,
// read the key the page shows, type the app's code (computed here from that key).

/** The secret behind a key as the enrolment page shows it (base32 in groups of four). */
export function secretOfKey(key: string): Buffer {
  const secret = base32Decode(key);
  if (!secret) throw new Error('The key is not base32');
  return secret;
}

export async function enrolSecondFactor(
  services: Services,
  clock: TestClock,
  actor: Actor,
): Promise<{ secret: Buffer; recoveryCodes: string[] }> {
  await services.secondFactor.start(actor);
  const setup = await services.secondFactor.setup(actor);
  if (!setup) throw new Error('No secret being set up');
  const secret = secretOfKey(setup.secret);
  const recoveryCodes = await services.secondFactor.confirm(actor, { code: totp(secret, clock.now()) });
  return { secret, recoveryCodes };
}
