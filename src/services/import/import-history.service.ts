import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { pageOfRows } from '../../db/paging.ts';
import { importRunsQuery } from '../../db/repositories/import.repository.ts';
import { IMPORT_RUN_SORTS } from '../../domain/list-orders.ts';
import { authorize, ownMunicipality } from '../access/access.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { optionalCode, parseInput } from '../form-fields.ts';
import { pageFields, pagedRows, windowOf, type Paged } from '../paging.ts';

// The import history (spec: Import; spec: Lists): the municipality's earlier imports, 50 a page, for
// whoever may import. Each row is one import into the municipality (import.service.ts writes it with the
// import's audit event): when, who, from the page or the command line, and how many cases, questionnaire
// responses and payments it created — counts, never the imported citizens.

export interface ImportRunView {
  id: string;
  at: Date;
  /** The coordinator who uploaded the files; null: the operator's command line. */
  by: string | null;
  source: 'web' | 'cli';
  cases: number;
  questionnaires: number;
  payments: number;
}

/** Page, order, and from the page or the command line. */
const ImportHistoryInput = z.object({
  ...pageFields(IMPORT_RUN_SORTS),
  source: optionalCode(['web', 'cli'], 'field.import.source'),
});

export function createImportHistoryService({ database }: ServiceDeps) {
  return {
    /** One page of the municipality's imports; a page past the end gives the last page. */
    async page(actor: Actor, input: unknown): Promise<Paged<ImportRunView>> {
      authorize(actor, 'import.run');
      const municipalityId = ownMunicipality(actor);
      const o = parseInput(ImportHistoryInput, input ?? {});
      const window = windowOf(o);
      const query = (tx: Tx) =>
        importRunsQuery(tx, municipalityId, { source: o.source ?? undefined }, o.sort);
      return database.transaction({ municipalityId }, async (tx) =>
        pagedRows(await pageOfRows(query(tx), window), window.size, (r) => ({
          id: r.id,
          at: r.imported_at,
          by: r.imported_by_name,
          source: r.source,
          cases: r.cases,
          questionnaires: r.questionnaires,
          payments: r.payments,
        })),
      );
    },
  };
}
