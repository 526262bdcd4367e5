import { sql, type Insertable } from 'kysely';
import { parameterChunks } from '../chunks.ts';
import type { Tx } from '../client.ts';
import type { Database } from '../schema.ts';
import type { ImportRunSort } from '../../domain/list-orders.ts';

// Queries of the import (import.service.ts): what the database holds already that an import must
// know (programmes and their pools, cases imported before, citizens with open cases), and inserting
// many rows in few statements (1,000 cases in seconds; PGlite pays per statement); and the import history.

/** Rows in as few statements as the protocol allows, in the given order. */
export async function insertChunked<T extends keyof Database>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (const chunk of parameterChunks(rows)) await tx.insertInto(table).values(chunk).execute();
}

export interface MunicipalityProgrammeRow {
  municipality_id: number;
  programme_id: string | null;
  programme_name: string | null;
  max_grant_ore: number | null;
  duration_months: number | null;
  pool_ore: number | null;
  held: number | null;
}

/** Every municipality in scope with its newest programme (the one the pages show) and what it holds. */
export async function municipalitiesWithProgramme(tx: Tx): Promise<MunicipalityProgrammeRow[]> {
  const { rows } = await sql<MunicipalityProgrammeRow>`
    select m.id as municipality_id, p.id as programme_id, p.name as programme_name, p.max_grant_ore,
      p.duration_months, p.pool_ore,
      (select coalesce(sum(case e.kind when 'grant' then e.amount_ore else -e.amount_ore end), 0)
         from ledger_entry e where e.programme_id = p.id and e.kind in ('grant', 'return_to_pool'))::bigint
        as held
    from municipality m
    left join lateral (
      select * from programme p where p.municipality_id = m.id order by p.created_at desc limit 1
    ) p on true
    order by m.id`.execute(tx);
  return rows;
}

export interface ExistingCaseRow {
  case_ref: string;
  case_id: string;
  municipality_id: number;
  programme_id: string;
  phase: string;
  start_date: string | null;
  closed_on: string | null;
  granted: number;
  returned: number;
  reserved: number;
  paid: number;
  refunded: number;
  instruments: string[];
  next_request: number;
}

/** Cases imported before under any of the references, with their balance and answered instruments. */
export async function existingCases(tx: Tx, refs: readonly string[]): Promise<ExistingCaseRow[]> {
  if (refs.length === 0) return [];
  const { rows } = await sql<ExistingCaseRow>`
    select i.case_ref, c.id as case_id, c.municipality_id, c.programme_id, c.phase, c.start_date, c.closed_on,
      coalesce(sum(e.amount_ore) filter (where e.kind = 'grant'), 0)::bigint as granted,
      coalesce(sum(e.amount_ore) filter (where e.kind = 'return_to_pool'), 0)::bigint as returned,
      (coalesce(sum(e.amount_ore) filter (where e.kind = 'reservation'), 0)
        - coalesce(sum(e.amount_ore) filter (where e.kind = 'reservation_release'), 0)
        - coalesce(sum(e.settles_ore) filter (where e.kind = 'payment'), 0))::bigint as reserved,
      coalesce(sum(e.amount_ore) filter (where e.kind = 'payment'), 0)::bigint as paid,
      coalesce(sum(e.amount_ore) filter (where e.kind = 'refund'), 0)::bigint as refunded,
      array(select q.instrument from questionnaire_response q where q.case_id = c.id) as instruments,
      (select coalesce(max(r.request_number), 0) + 1 from purchase_request r where r.case_id = c.id)
        as next_request
    from imported_case i
    join citizen_case c on c.id = i.case_id
    left join ledger_entry e on e.case_id = c.id
    where i.case_ref = any(${[...refs]}::text[])
    group by i.case_ref, c.id`.execute(tx);
  return rows;
}

export interface CitizenHashRow {
  id: string;
  municipality_id: number;
  cpr_hash: string;
  /** Programmes in which the citizen has a case that is not closed. */
  open_programmes: string[];
}

/** Citizens registered under any of the keyed CPR hashes, with the programmes of their open cases. */
export async function citizensByHash(tx: Tx, hashes: readonly string[]): Promise<CitizenHashRow[]> {
  if (hashes.length === 0) return [];
  const { rows } = await sql<CitizenHashRow>`
    select z.id, z.municipality_id, z.cpr_hash,
      array(select c.programme_id::text from citizen_case c
            where c.citizen_id = z.id and c.phase <> 'closed') as open_programmes
    from citizen z
    where z.cpr_hash = any(${[...hashes]}::text[])`.execute(tx);
  return rows;
}

/** The municipality's vendor of a given name, if on the list. */
export async function vendorNamed(tx: Tx, municipalityId: number, name: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('vendor')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id;
}

/** Adds a vendor of the given name to the municipality's list (the import's placeholder); its id. */
export async function insertVendorNamed(
  tx: Tx,
  municipalityId: number,
  name: string,
  at: Date,
): Promise<string> {
  const row = await tx
    .insertInto('vendor')
    .values({ municipality_id: municipalityId, name, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The municipality's imports, newest first (the import history); each order ends in the id (db/paging.ts). */
export function importRunsQuery(
  tx: Tx,
  municipalityId: number,
  filter: { source?: 'web' | 'cli' | undefined },
  sort: ImportRunSort,
) {
  let query = tx
    .selectFrom('import_run as r')
    .leftJoin('app_user as u', 'u.id', 'r.imported_by')
    .select([
      'r.id',
      'r.imported_at',
      'r.source',
      'r.cases',
      'r.questionnaires',
      'r.payments',
      'u.name as imported_by_name',
    ])
    .where('r.municipality_id', '=', municipalityId);
  if (filter.source !== undefined) query = query.where('r.source', '=', filter.source);
  return sort === 'aeldste'
    ? query.orderBy('r.imported_at', 'asc').orderBy('r.id', 'asc')
    : query.orderBy('r.imported_at', 'desc').orderBy('r.id', 'desc');
}
