import { onlyFor, type DynamicRow } from './access-matrix-cases.ts';

// E-mail notifications in the access matrix (spec: E-mail notifications): the outbox is the
// administrator's; every municipal staff user chooses their own e-mails (the evaluator gets none).

const MUNICIPAL_STAFF = { support: 200, coordinator: 200, finance: 200, admin: 200 };

export function mailMatrix(): DynamicRow[] {
  return [
    {
      route: 'GET /udgaaende-e-mails',
      prepare: () => Promise.resolve({ path: '/udgaaende-e-mails' }),
      expected: onlyFor({ admin: 200 }),
    },
    {
      route: 'GET /mine-indstillinger',
      prepare: () => Promise.resolve({ path: '/mine-indstillinger' }),
      expected: onlyFor(MUNICIPAL_STAFF),
    },
    {
      route: 'POST /mine-indstillinger',
      prepare: () => Promise.resolve({ path: '/mine-indstillinger', form: { notify: 'digest' } }),
      expected: onlyFor({ support: 303, coordinator: 303, finance: 303, admin: 303 }),
    },
  ];
}
