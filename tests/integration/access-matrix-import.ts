import { onlyFor, type DynamicRow } from './access-matrix-cases.ts';

// The import page in the access matrix (spec: Import): the coordinator's alone, into their
// own municipality (the service refuses other municipalities' rows: tests/integration/import.test.ts).
// The matrix posts a form without files, which the coordinator gets back with "choose a file" (422).

export function importMatrix(): DynamicRow[] {
  return [
    {
      route: 'GET /import',
      prepare: () => Promise.resolve({ path: '/import' }),
      expected: onlyFor({ coordinator: 200 }),
    },
    {
      route: 'GET /import/historik',
      prepare: () => Promise.resolve({ path: '/import/historik' }),
      expected: onlyFor({ coordinator: 200 }),
    },
    {
      route: 'GET /import/eksempel/:file',
      prepare: () => Promise.resolve({ path: '/import/eksempel/cases.csv' }),
      expected: onlyFor({ coordinator: 200 }),
    },
    {
      route: 'POST /import',
      prepare: () => Promise.resolve({ path: '/import', form: {} }),
      expected: onlyFor({ coordinator: 422 }),
    },
  ];
}
