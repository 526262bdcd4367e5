import { z } from 'zod';
import {
  findLiveToken,
  insertApiToken,
  listTokens,
  revokeToken,
  touchToken,
} from '../../db/repositories/api-token.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { NotFound, ValidationFailed } from '../../domain/errors.ts';
import { authorize, ownMunicipality } from './access.ts';
import { recordAudit } from '../audit.service.ts';
import { toActor } from './auth.service.ts';
import { fieldErrors } from '../form-fields.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { plainText, say } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';
import { isUuid } from '../ids.ts';
import { tokenHash } from './tokens.ts';
import { randomBytes } from 'node:crypto';

// Personal API tokens (spec: API tokens): an administrator issues one for a user of the municipality; it is
// shown once, stored only as a hash, acts with that user's role, expires after a year, and can be revoked
// at any time.

export const IssueTokenInput = z.object({
  userId: z.string().refine(isUuid, say('field.token.userId')),
  name: plainText().min(1, say('field.token.name')).max(100, say('field.nameTooLong')),
});

export interface ApiTokenView {
  id: string;
  name: string;
  userName: string;
  userEmail: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
  /** Past its expiry: no longer accepted, listed until the administrator's overview is cleared. */
  expired: boolean;
}

const TOKEN_PREFIX = 'bb_';
const TOUCH_INTERVAL_MS = 60_000;
/** How long a token works after it is issued; the administrator issues a new one before it runs out. */
const TOKEN_LIFETIME_DAYS = 365;

export function createApiTokenService(deps: ServiceDeps) {
  return {
    issue: (actor: Actor, input: unknown) => issueToken(deps, actor, input),
    list: (actor: Actor) => listApiTokens(deps, actor),
    revoke: (actor: Actor, id: string) => revokeApiToken(deps, actor, id),
    authenticate: (token: string, requestId?: string) => authenticateToken(deps, token, requestId),
  };
}

async function issueToken(
  deps: ServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<{ id: string; token: string }> {
  const { database, clock } = deps;
  authorize(actor, 'apiToken.manage');
  const municipalityId = ownMunicipality(actor);
  const parsed = IssueTokenInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
  const now = clock.now();
  return database.transaction({ municipalityId }, async (tx) => {
    const user = await findUserById(tx, parsed.data.userId);
    if (user?.municipality_id !== municipalityId || !user.active || user.role === 'citizen') {
      throw new ValidationFailed({ userId: message('field.token.activeUser') });
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = await insertApiToken(tx, {
      municipalityId,
      userId: user.id,
      name: parsed.data.name,
      tokenHash: tokenHash(token),
      createdBy: actor.userId,
      at: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_DAYS * 24 * 3600 * 1000),
    });
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'apiToken.issue',
      entityType: 'api_token',
      entityId: id,
      after: { userId: user.id, name: parsed.data.name },
    });
    return { id, token };
  });
}

async function listApiTokens(deps: ServiceDeps, actor: Actor): Promise<ApiTokenView[]> {
  const { database, clock } = deps;
  authorize(actor, 'apiToken.manage');
  const municipalityId = ownMunicipality(actor);
  const now = clock.now();
  const rows = await database.transaction({ municipalityId }, (tx) => listTokens(tx, municipalityId));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userName: r.user_name,
    userEmail: r.email ?? '',
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    expiresAt: r.expires_at,
    expired: r.expires_at <= now,
  }));
}

async function revokeApiToken(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const { database, clock } = deps;
  authorize(actor, 'apiToken.manage');
  const municipalityId = ownMunicipality(actor);
  if (!isUuid(id)) throw new NotFound();
  const now = clock.now();
  await database.transaction({ municipalityId }, async (tx) => {
    if (!(await revokeToken(tx, id, municipalityId, now))) throw new NotFound();
    await recordAudit(tx, actor, now, {
      municipalityId,
      action: 'apiToken.revoke',
      entityType: 'api_token',
      entityId: id,
    });
  });
}

/** The actor behind a bearer token, or null for an unknown, revoked, expired or deactivated one. */
async function authenticateToken(
  deps: ServiceDeps,
  token: string,
  requestId?: string,
): Promise<Actor | null> {
  const { database, clock } = deps;
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const now = clock.now();
  return database.transaction('all', async (tx) => {
    const row = await findLiveToken(tx, tokenHash(token), now);
    if (!row?.active) return null;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      await touchToken(tx, row.token_id, now);
    }
    return { ...toActor(row), requestId };
  });
}
