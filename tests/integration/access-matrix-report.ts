import type { DynamicRow, Statuses } from './access-matrix-cases.ts';

// The evaluation report's pages in the access matrix (spec: Selection): the coordinator sees their own
// municipality's report, the evaluator every municipality's (anonymised); asking for another
// municipality (Halsnæs, 250) is "not found" for the coordinator. Everyone else: not found.

const onlyFor = (allowed: Partial<Statuses>): Statuses => ({
  support: 404,
  coordinator: 404,
  finance: 404,
  admin: 404,
  evaluator: 404,
  anonymous: 303,
  ...allowed,
});

const both = onlyFor({ coordinator: 200, evaluator: 200 });
const evaluatorOnly = onlyFor({ evaluator: 200 });

function row(route: string, path: string, target: 'own' | 'other'): DynamicRow {
  return {
    route,
    target,
    prepare: () => Promise.resolve({ path: target === 'own' ? path : `${path}?kommune=250` }),
    expected: target === 'own' ? both : evaluatorOnly,
  };
}

export function reportMatrix(): DynamicRow[] {
  return [
    row('GET /rapport', '/rapport', 'own'),
    row('GET /rapport', '/rapport', 'other'),
    row('GET /rapport/json', '/rapport/json', 'own'),
    row('GET /rapport/json', '/rapport/json', 'other'),
    row('GET /rapport/csv/:figure', '/rapport/csv/gender', 'own'),
    row('GET /rapport/csv/:figure', '/rapport/csv/gender', 'other'),
  ];
}
