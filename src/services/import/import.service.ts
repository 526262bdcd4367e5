import type { Insertable } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { PurchaseRequestTable } from '../../db/schema-money.ts';
import { insertMunicipality } from '../../db/repositories/municipality.repository.ts';
import { insertDefaultProgramme } from '../../db/repositories/programme.repository.ts';
import { reserveCaseNumbers } from '../../db/repositories/demo-bulk.repository.ts';
import {
  citizensByHash,
  existingCases,
  insertChunked,
  municipalitiesWithProgramme,
  type ExistingCaseRow,
} from '../../db/repositories/import.repository.ts';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import { parseCpr, type Cpr } from '../../domain/cpr.ts';
import {
  IMPORT_FILE_NAMES,
  readImportFiles,
  sortImportErrors,
  type ImportError,
  type ImportFileInput,
  type ReadResult,
} from '../../domain/import/import-files.ts';
import type { ExistingCase, ImportPlan, ProgrammeFacts } from '../../domain/import/import-model.ts';
import { planImport } from '../../domain/import/import-plan.ts';
import { Conflict, NotFound } from '../../domain/errors.ts';
import { importExampleCsv } from '../../domain/import/import-example.ts';
import { deriveBalance, type LedgerEntry } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { defaultProgrammeRules } from '../../domain/programme-rules.ts';
import { isInstrumentCode, type InstrumentCode } from '../../domain/questionnaire/instrument.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import { recordAudit } from '../audit.service.ts';
import { today } from '../cases/case-record.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { createCprVault, type CprVault } from '../cpr-vault.ts';
import { payersOf } from './import-payers.ts';
import {
  caseRows,
  ledgerRows,
  questionnaireRows,
  type ImportedCaseView,
  type World,
  type Writer,
} from './import-rows.ts';
import { postAll } from '../money/ledger-record.ts';
import { message } from '../../i18n/index.ts';

// Importing existing programme data (formats: CSV import; spec: Import): one service behind the
// coordinator's upload page and the operator's `borgerbudget import`. The domain reads and checks the
// files (domain/import/); this service reads what the database holds already, asks the domain for a
// plan and writes it — all in one transaction, so an import is all or nothing: with any wrong row,
// nothing is written and every wrong row is reported (`file:line: column: reason`).
//
// Imported data is ordinary data afterwards: citizens (CPR encrypted by the vault), cases with their
// dated timeline, the grant, payments (paid purchase requests with their ledger postings) and, at
// close, the unspent money back to the pool — so the case pages, the report and `check-ledger` see it
// as any other. Rows go in a table at a time (1,000 cases in seconds). The postings go through the
// ledger's one posting function, as a grant, a payment and a close do, so each has its audit event;
// one more event per municipality records the import and names every case it created.

export interface ImportSummary {
  cases: ImportedCaseView[];
  /** Rows of answers.csv and payments.csv. */
  answers: number;
  payments: number;
  questionnaires: number;
  newMunicipalities: number[];
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportError[] };

export function createImportService(deps: ServiceDeps) {
  const { database, clock } = deps;
  const vault = createCprVault(deps.secrets.cpr);

  async function run(actor: Actor | null, files: readonly ImportFileInput[]): Promise<ImportResult> {
    const read = readImportFiles(files);
    const only = actor === null ? null : ownMunicipality(actor);
    const at = clock.now();
    try {
      return await database.transaction(only === null ? 'all' : { municipalityId: only }, async (tx) => {
        const world = await loadContext(tx, read, vault, only, today(at));
        const planned = planImport(read, world.context);
        if (!planned.ok) return { ok: false, errors: sortImportErrors(planned.errors) };
        const summary = await write(tx, { actor, at, vault, world }, planned.plan);
        return { ok: true, summary };
      });
    } catch (error) {
      // Two imports of the same cases at once: the second one's insert meets the first one's rows.
      if (isUniqueViolation(error)) throw new Conflict(message('error.import.busy'), 'import_busy');
      throw error;
    }
  }

  return {
    /** The coordinator's upload: only into their own municipality. */
    async importFiles(actor: Actor, files: readonly ImportFileInput[]): Promise<ImportResult> {
      authorize(actor, 'import.run');
      return run(actor, files);
    },

    /** `borgerbudget import --dir`: the operator has the database itself, so any municipality. */
    importAsOperator(files: readonly ImportFileInput[]): Promise<ImportResult> {
      return run(null, files);
    },

    /** The upload page is the coordinator's. */
    assertMayImport(actor: Actor): void {
      authorize(actor, 'import.run');
      ownMunicipality(actor);
    },

    /** An example of one import file, with rows for the coordinator's own municipality. */
    exampleFile(actor: Actor, fileName: string): string {
      authorize(actor, 'import.run');
      const code = String(ownMunicipality(actor)).padStart(3, '0');
      const file = IMPORT_FILE_NAMES.find((f) => f === fileName);
      if (!file) throw new NotFound();
      return importExampleCsv(file, code);
    },
  };
}

/** What the import must know of the database, read in the import's own transaction. */
async function loadContext(
  tx: Tx,
  read: ReadResult,
  vault: CprVault,
  only: number | null,
  on: CalendarDate,
): Promise<World> {
  const municipalities = await programmeFactsOf(tx);
  const { existing, existingRefs } = await existingCasesOf(tx, read);
  // Each number's hash under the first key, and the first key's hash for its hash under any key: while
  // the keys rotate, a registered citizen may still be under an older one (spec: CPR key rotation).
  const hashes = new Map<Cpr, string>();
  const firstOf = new Map<string, string>();
  for (const r of read.rows['cases.csv'] ?? []) {
    const parsed = parseCpr(r.values.cpr ?? '');
    if (!parsed.ok || hashes.has(parsed.cpr)) continue;
    const first = vault.lookupHash(parsed.cpr);
    hashes.set(parsed.cpr, first);
    for (const hash of vault.lookupHashes(parsed.cpr)) firstOf.set(hash, first);
  }
  const citizens = new Map<string, string>();
  const open = new Set<string>();
  for (const z of await citizensByHash(tx, [...firstOf.keys()])) {
    const key = `${z.municipality_id}:${firstOf.get(z.cpr_hash) ?? z.cpr_hash}`;
    citizens.set(key, z.id);
    const programme = municipalities.get(z.municipality_id)?.id;
    if (programme !== undefined && z.open_programmes.includes(programme)) open.add(key);
  }
  return {
    context: {
      today: on,
      onlyMunicipality: only,
      municipalities,
      existingRefs,
      hasOpenCase: (m, cpr) => open.has(`${m}:${hashes.get(cpr) ?? vault.lookupHash(cpr)}`),
    },
    citizens,
    existing,
  };
}

/** Writes the plan, a table at a time; the ledger's guard checks every posting as it goes in. */
async function write(tx: Tx, w: Writer, plan: ImportPlan): Promise<ImportSummary> {
  const { actor, at } = w;
  const { programmes, newMunicipalities } = await programmesOf(tx, w, plan);
  const numbers = new Map<number, number>();
  for (const m of new Set(plan.cases.map((c) => c.municipalityId))) {
    const count = plan.cases.filter((c) => c.municipalityId === m).length;
    numbers.set(m, await reserveCaseNumbers(tx, m, count));
  }
  const rows = caseRows(w, plan, programmes, numbers);
  await insertChunked(tx, 'citizen', rows.citizens);
  await insertChunked(tx, 'citizen_case', rows.cases);
  await insertChunked(tx, 'imported_case', rows.imported);
  await insertChunked(tx, 'case_event', rows.events);
  const caseIds = new Map(rows.created.map((c) => [c.caseRef, c.caseId]));
  await insertChunked(tx, 'questionnaire_response', questionnaireRows(w, plan, caseIds));

  // Payments become paid purchase requests; then every posting goes through the ledger's one posting
  // function, in the plan's order, so each passes the guard trigger and gets its audit event.
  const ledger = ledgerRows(w, plan, caseIds, programmes, await payersOf(tx, w, plan));
  await insertChunked(tx, 'purchase_request', ledger.requests);
  await postAll(tx, actor, at, ledger.postings);

  await recordImports(tx, w, plan, rows.created, ledger.requests);
  return {
    cases: rows.created,
    answers: plan.counts.answers,
    payments: plan.counts.payments,
    questionnaires: plan.questionnaires.length,
    newMunicipalities,
  };
}

/** Each municipality's programme, or null for a municipality without one. */
async function programmeFactsOf(tx: Tx): Promise<Map<number, ProgrammeFacts | null>> {
  const municipalities = new Map<number, ProgrammeFacts | null>();
  for (const m of await municipalitiesWithProgramme(tx)) {
    municipalities.set(
      m.municipality_id,
      m.programme_id === null
        ? null
        : {
            id: m.programme_id,
            name: m.programme_name ?? '',
            maxGrant: ore(m.max_grant_ore ?? 0),
            durationMonths: m.duration_months ?? defaultProgrammeRules().durationMonths,
            pool: ore(m.pool_ore ?? 0),
            held: ore(m.held ?? 0),
          },
    );
  }
  return municipalities;
}

/** The cases in the database the files name by case_ref, with what the plan must know of them. */
async function existingCasesOf(tx: Tx, read: ReadResult) {
  const refs = new Set<string>();
  for (const rows of Object.values(read.rows))
    for (const r of rows) if (r.values.case_ref) refs.add(r.values.case_ref);
  const existingRows = await existingCases(tx, [...refs]);
  const existingRefs = new Map<string, ExistingCase[]>();
  const existing = new Map<string, ExistingCaseRow>();
  for (const row of existingRows) {
    existing.set(row.case_id, row);
    const entries: LedgerEntry[] = [
      { kind: 'grant', amount: ore(row.granted) },
      { kind: 'reservation', amount: ore(row.reserved) },
      { kind: 'payment', amount: ore(row.paid), settles: ore(0) },
      { kind: 'refund', amount: ore(row.refunded) },
      { kind: 'return_to_pool', amount: ore(row.returned) },
    ];
    existingRefs.set(row.case_ref, [
      ...(existingRefs.get(row.case_ref) ?? []),
      {
        caseId: row.case_id,
        municipalityId: row.municipality_id,
        phase: row.phase,
        startDate: row.start_date as CalendarDate | null,
        closedOn: row.closed_on as CalendarDate | null,
        balance: deriveBalance(entries.filter((e) => e.amount > 0)),
        instruments: new Set<InstrumentCode>(row.instruments.filter(isInstrumentCode)),
      },
    ]);
  }
  return { existing, existingRefs };
}

/** Each municipality's programme: new municipalities and a programme with the default rules where none is. */
async function programmesOf(tx: Tx, w: Writer, plan: ImportPlan) {
  const { actor, at } = w;
  const programmes = new Map<number, string>();
  const newMunicipalities: number[] = [];
  for (const m of plan.municipalities) {
    if (m.newName !== null) {
      await insertMunicipality(tx, m.id, m.newName);
      newMunicipalities.push(m.id);
    }
    if ('id' in m.programme) {
      programmes.set(m.id, m.programme.id);
      continue;
    }
    const rules = defaultProgrammeRules();
    const id = await insertDefaultProgramme(tx, m.id, rules, { pool_ore: m.programme.newPool });
    programmes.set(m.id, id);
    await recordAudit(tx, actor, at, {
      municipalityId: m.id,
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
      after: { source: 'import', poolOre: m.programme.newPool },
    });
  }
  return { programmes, newMunicipalities };
}

/**
 * Per municipality the import wrote to: its row in the import history, and one audit event (with the
 * same id) naming every case it created.
 */
async function recordImports(
  tx: Tx,
  w: Writer,
  plan: ImportPlan,
  created: readonly ImportedCaseView[],
  requests: readonly Insertable<PurchaseRequestTable>[],
): Promise<void> {
  const { actor, at } = w;
  for (const m of new Set([
    ...plan.cases.map((c) => c.municipalityId),
    ...plan.questionnaires.map((q) => q.municipalityId),
    ...requests.map((r) => r.municipality_id),
  ])) {
    const own = created.filter((c) => c.municipalityId === m);
    const id = randomUUID();
    const source = actor === null ? 'cli' : 'web';
    const questionnaires = plan.questionnaires.filter((q) => q.municipalityId === m).length;
    const payments = requests.filter((r) => r.municipality_id === m).length;
    await insertChunked(tx, 'import_run', [
      {
        id,
        municipality_id: m,
        imported_at: at,
        imported_by: actor?.userId ?? null,
        source,
        cases: own.length,
        questionnaires,
        payments,
      },
    ]);
    await recordAudit(tx, actor, at, {
      municipalityId: m,
      action: 'import.run',
      entityType: 'import',
      entityId: id,
      after: {
        source,
        cases: own.map((c) => ({ caseId: c.caseId, caseNumber: c.caseNumber, caseRef: c.caseRef })),
        questionnaires,
        payments,
      },
    });
  }
}
