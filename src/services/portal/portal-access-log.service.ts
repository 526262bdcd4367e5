import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { pageOfRows } from '../../db/paging.ts';
import {
  accessLogQuery,
  casesOfPerson,
  supportPersonsOf,
  type AccessLogRow,
} from '../../db/repositories/personal-data.repository.ts';
import type { Role } from '../../domain/roles.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { parseInput } from '../form-fields.ts';
import { pagedRows, windowFields, windowOf, type Paged } from '../paging.ts';
import { EVERYONE_NAMED, type Named } from './personal-data-case.ts';
import { portalRunner } from './portal.service.ts';

// "Hvem har set mine oplysninger" (spec: Who has seen my data): the staff reads of the citizen's
// data, newest first, 50 a page (spec: Lists), each with the date and time, the purpose in plain words and
// the staff member's role.
//
// Names. The log shows the role, and the name only of the citizen's own support person (present or
// past), whom the citizen knows by name anyway. No Danish rule for the social sector requires the name
// of every employee who looked (unlike the health sector's "Min log" on sundhed.dk), and the EU Court
// (C-579/21, Pankki S, 2023) held that art. 15 GDPR gives the right to the dates and purposes of the
// reads, not in principle to the identity of the employees who read under the controller's authority;
// the page says how to ask the municipality who it was when the citizen needs to know.

/** What a read was for, in words a citizen understands (the web layer holds the words). */
export const ACCESS_PURPOSES = [
  'case',
  'case_list',
  'budget',
  'purchases',
  'attachment',
  'plan',
  'notes',
  'questionnaires',
  'conditions',
  'support',
  'citizen',
  'search',
  'personal_data',
  'login',
  'voucher_redeemed',
  'other',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export interface AccessPurposeOf {
  purpose: AccessPurpose;
  /** A read (GET) or a change (any other method). */
  change: boolean;
}

// First match wins: the most specific part of the route decides (a case's budget is "budget").
const PURPOSE_BY_SEGMENT: readonly [RegExp, AccessPurpose][] = [
  [/^(bilag|attachments)$/, 'attachment'],
  [/^(anmodninger|purchase-requests|koeb|betalinger|payments)$/, 'purchases'],
  [/^(budget|bevilling|grants|postings)$/, 'budget'],
  [/^(spoergeskemaer|questionnaires)$/, 'questionnaires'],
  [/^(noter|notes|opfoelgning)$/, 'notes'],
  [/^(plan|maal|goals|ideer|ideas|history)$/, 'plan'],
  [/^(betingelser|conditions)$/, 'conditions'],
  [/^(stoetteperson|support)$/, 'support'],
  [/^(mine-data|personal-data|persondata)$/, 'personal_data'],
  [/^(aktiveringskode|activation-code)$/, 'login'],
  [/^(soeg|search)$/, 'search'],
  [/^(baggrund|screening)$/, 'case'],
];

/**
 * The purpose of a logged read from its route pattern ("GET /forloeb/:id/budget",
 * "GET /api/v1/cases/{id}/plan"); a pattern it does not know gives 'other'.
 */
export function accessPurposeOf(pattern: string): AccessPurposeOf {
  const [method = 'GET', path = ''] = pattern.trim().split(/\s+/, 2);
  const change = method.toUpperCase() !== 'GET' && method.toUpperCase() !== 'HEAD';
  const segments = path
    .replace(/^\/api\/v\d+/, '')
    .split('/')
    .filter((s) => s !== '' && !s.startsWith(':') && !s.startsWith('{'));
  for (const segment of [...segments].reverse()) {
    for (const [test, purpose] of PURPOSE_BY_SEGMENT) if (test.test(segment)) return { purpose, change };
  }
  const [first] = segments;
  const hasId = /[:{]/.test(path);
  if (first === 'forloeb' || first === 'cases') return { purpose: hasId ? 'case' : 'case_list', change };
  if (first === 'borgere' || first === 'citizens') return { purpose: hasId ? 'citizen' : 'search', change };
  return { purpose: 'other', change };
}

export interface AccessLogEntry {
  at: Date;
  purpose: AccessPurpose;
  change: boolean;
  role: Role | 'vendor';
  /** Only for the citizen's own support person (see above). */
  name: string | null;
  /** The shop, when the entry is a shop redeeming the citizen's voucher (role is then 'vendor'). */
  vendorName: string | null;
  /** The purpose as logged (the route pattern), for the JSON export. */
  route: string;
}

/** The page of the log asked for; one order only, newest first. */
const AccessLogInput = z.object(windowFields);

function entryOf(row: AccessLogRow, namedUsers: Named): AccessLogEntry {
  const byShop = row.user_id === null;
  const { purpose, change } = byShop
    ? { purpose: 'voucher_redeemed' as const, change: true }
    : accessPurposeOf(row.purpose);
  return {
    at: row.occurred_at,
    purpose,
    change,
    role: row.user_role as AccessLogEntry['role'],
    name: row.user_id !== null && namedUsers.has(row.user_id) ? row.user_name : null,
    vendorName: byShop ? row.vendor_name : null,
    route: row.purpose,
  };
}

/**
 * The whole log of a citizen (the export). `everyone` names every staff member, not only the support
 * persons: the coordinator's full copy (spec: Full copy).
 */
export async function accessLogEntries(
  tx: Tx,
  citizenId: string,
  caseIds: readonly string[],
  everyone = false,
): Promise<AccessLogEntry[]> {
  const rows = await accessLogQuery(tx, citizenId).execute();
  const named: Named = everyone ? EVERYONE_NAMED : await supportPersonsOf(tx, caseIds);
  return rows.map((r) => entryOf(r, named));
}

export function createPortalAccessLogService(deps: ServiceDeps) {
  const withOwnCase = portalRunner(deps);
  return {
    /** One page of the log (`side`: from 1); a page past the end gives the last page. */
    async page(actor: Actor, input: unknown): Promise<Paged<AccessLogEntry>> {
      const window = windowOf(parseInput(AccessLogInput, input ?? {}));
      return withOwnCase(actor, async (tx, row) => {
        const rows = await pageOfRows(accessLogQuery(tx, row.citizen_id), window);
        const cases = await casesOfPerson(tx, row.citizen_id);
        const named = await supportPersonsOf(
          tx,
          cases.map((c) => c.id),
        );
        return pagedRows(rows, window.size, (r) => entryOf(r, named));
      });
    },
  };
}
