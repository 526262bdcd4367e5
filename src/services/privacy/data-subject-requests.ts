import type { Tx } from '../../db/client.ts';
import { requestsOfCases } from '../../db/repositories/data-subject.repository.ts';
import type { DataSubjectRequestTable } from '../../db/schema-cases.ts';
import { staffRef, type Named, type StaffRef } from '../portal/personal-data-case.ts';

// The requests about their data handled on a citizen's cases (spec: Data-subject requests), as the
// coordinator's privacy page, the full copy and the citizen's "Mine data" show them.

export type DataSubjectRequestKind = DataSubjectRequestTable['kind'];

export interface HandledRequest {
  kind: DataSubjectRequestKind;
  at: Date;
  caseNumber: number;
  by: StaffRef;
  note: string | null;
}

/** Newest first; the handler's name where `named` gives it (the citizen sees the role). */
export async function handledRequests(
  tx: Tx,
  caseIds: readonly string[],
  named: Named,
): Promise<HandledRequest[]> {
  const rows = await requestsOfCases(tx, caseIds);
  return rows.map((r) => ({
    kind: r.kind,
    at: r.handled_at,
    caseNumber: r.case_number,
    by: staffRef(r.handled_by, r.handled_by_role, r.handled_by_name, named),
    note: r.note,
  }));
}
