import type { Actor, ServiceDeps } from '../context.ts';
import { createVendorProposalService } from '../money/vendor-proposal.service.ts';

// More of the demo's vendor list (spec: Demo personas): the kind of Danish shops a citizen in the scheme
// buys from — a second-hand furniture shop, an optician, a phone shop, a gym, another bike
// shop. Every name, CVR number and account is made up: the CVR numbers are 999000xx (far above any number
// issued so far, with a valid modulus-11 check digit) and the accounts are in the bank registration
// number 9999, which no bank uses. Plus a support person's proposal waiting for finance and one that
// finance rejected, so the vendor page shows both.

/** Added after the vendors the demo's purchases name (demo-money.ts), so the list looks like a real one. */
export const DEMO_MORE_VENDORS = [
  { name: 'Genbrugsmøbler Stuen ApS', cvr: '99900040', iban: 'DK8899990002223334' },
  { name: 'Optikeren på Torvet', cvr: '99900059', bankRegistration: '9999', bankAccount: '0005550202' },
  { name: 'Mobilhjørnet ApS', cvr: '99900067', iban: 'DK5799990003334445' },
  { name: 'Motionscentret Kraft', cvr: '99900083', iban: 'DK2699990004445556' },
  { name: 'Cykelhuset Nord', cvr: '99900008', bankRegistration: '9999', bankAccount: '0005550303' },
] as const;

/** A support person's proposals: one waiting for finance, one finance rejected. */
export async function loadDemoVendorProposals(
  deps: ServiceDeps,
  who: { support: Actor; finance: Actor },
): Promise<void> {
  const proposals = createVendorProposalService(deps);
  await proposals.propose(who.support, {
    name: 'Musikhuset Guitarværkstedet',
    cvr: '99900091',
    payWith: 'card',
  });
  const rejected = await proposals.propose(who.support, {
    name: 'Elektronik Outlet ApS',
    cvr: '99900105',
    payWith: 'iban',
    iban: 'DK9299990005556667',
  });
  await proposals.reject(who.finance, rejected, {
    reason: 'Virksomheden er ophørt ifølge virk.dk. Find en anden butik, der sælger det samme.',
  });
}
