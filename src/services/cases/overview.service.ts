import { recentEvents } from '../../db/repositories/audit.repository.ts';
import { listMunicipalities } from '../../db/repositories/municipality.repository.ts';
import { authorize, mayWorkOnCase, ownMunicipality } from '../access/access.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { caseTarget } from './case-record.ts';

// What a start page shows at a glance. Each part is only read when the actor's role may see it.

export interface AuditLine {
  at: Date;
  action: string;
  entityType: string;
  actorRole: string | null;
  /** The case the event is about, where the actor may see it. */
  case: { id: string; number: number } | null;
}

export function createOverviewService(deps: ServiceDeps) {
  const { database } = deps;
  return {
    /** The latest changes in the actor's municipality: what happened, never the content. */
    async recentChanges(actor: Actor, limit = 10): Promise<AuditLine[]> {
      authorize(actor, 'audit.view');
      const municipalityId = ownMunicipality(actor);
      const rows = await database.transaction({ municipalityId }, (tx) =>
        recentEvents(tx, municipalityId, limit),
      );
      return rows.map((r) => ({
        at: r.occurred_at,
        action: r.action,
        entityType: r.entity_type,
        actorRole: r.actor_role,
        case: caseOf(actor, r),
      }));
    },

    /** The municipalities in the scheme, for the national evaluator. */
    async municipalities(actor: Actor): Promise<{ id: number; name: string }[]> {
      authorize(actor, 'report.viewNational');
      const rows = await database.transaction('all', (tx) => listMunicipalities(tx));
      return rows.map((m) => ({ id: m.id, name: m.name }));
    },
  };
}

/** The case an event row is about, if there is one and the actor may see it. */
function caseOf(
  actor: Actor,
  row: {
    case_id: string | null;
    case_number: number | null;
    municipality_id: number | null;
    support_user_id: string | null;
    citizen_user_id: string | null;
  },
): AuditLine['case'] {
  const { case_id: id, case_number: number, municipality_id: municipalityId } = row;
  if (id === null || number === null || municipalityId === null) return null;
  return mayWorkOnCase(actor, caseTarget({ ...row, municipality_id: municipalityId }))
    ? { id, number }
    : null;
}
