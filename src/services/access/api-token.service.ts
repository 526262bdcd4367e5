import { z } from 'zod';
import {
  findLiveToken,
  insertApiToken,
  tokensQuery,
  revokeToken,
  touchTokens,
} from '../../db/repositories/api-token.repository.ts';
import { findUserById } from '../../db/repositories/user.repository.ts';
import { NotFound, ValidationFailed } from '../../domain/errors.ts';
import { authorize, ownMunicipality } from './access.ts';
import { recordAudit } from '../audit.service.ts';
import { toActor } from './auth.service.ts';
import { API_TOKEN_SIGN_IN } from '../../domain/sign-in.ts';
import { fieldErrors } from '../form-fields.ts';
import type { Actor, ServiceDeps } from '../context.ts';
import { optionalCode, parseInput, plainText, say } from '../form-fields.ts';
import { pageOfRows } from '../../db/paging.ts';
import { TOKEN_SORTS } from '../../domain/list-orders.ts';
import { pageFields, pagedRows, searchText, windowOf, type Paged } from '../paging.ts';
import { message } from '../../i18n/index.ts';
import { isUuid } from '../ids.ts';
import { deferUntilCommit, type Tx } from '../../db/client.ts';
import { inRequestTransaction } from './request-transaction.ts';
import { tokenHash } from './tokens.ts';
import { randomBytes } from 'node:crypto';

// Personal API tokens (spec: API tokens): an administrator issues one for a user of the municipality; it is
// shown once, stored only as a hash, acts with that user's role, expires after a year, and can be revoked
// at any time.

export const IssueTokenInput = z.object({
  userId: z.string().refine(isUuid, say('field.token.userId')),
  name: plainText().min(1, say('field.token.name')).max(100, say('field.nameTooLong')),
});

/** Live, revoked, or expired, as the key list filters them. */
const TOKEN_STATUSES = ['active', 'revoked', 'expired'] as const;

const tokenListFields = {
  ...pageFields(TOKEN_SORTS),
  q: searchText,
  status: optionalCode(TOKEN_STATUSES, 'field.list.status'),
};

/** The key list (spec: Lists): page, order, search on the key's and its user's name, status. */
const TokenListInput = z
  .object(tokenListFields)
  .optional()
  .transform((v) => v ?? z.object(tokenListFields).parse({}));

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
    list: (actor: Actor, input: unknown) => listApiTokens(deps, actor, input),
    revoke: (actor: Actor, id: string) => revokeApiToken(deps, actor, id),
    authenticate: (token: string, requestId?: string) => authenticateToken(deps, token, requestId),
    inRequest: <T>(
      token: string,
      requestId: string | undefined,
      handle: (found: { actor: Actor } | null) => Promise<T>,
    ) => inTokenRequest(deps, token, requestId, handle),
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

/** One page of the municipality's keys (spec: Lists). */
async function listApiTokens(deps: ServiceDeps, actor: Actor, input: unknown): Promise<Paged<ApiTokenView>> {
  const { database, clock } = deps;
  authorize(actor, 'apiToken.manage');
  const municipalityId = ownMunicipality(actor);
  const o = parseInput(TokenListInput, input);
  const now = clock.now();
  const filter = { status: o.status ?? undefined, at: now, search: o.q ?? undefined };
  const window = windowOf(o);
  const rows = await database.transaction({ municipalityId }, (tx) =>
    pageOfRows(tokensQuery(tx, municipalityId, filter, o.sort), window),
  );
  return pagedRows(rows, window.size, (r) => ({
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
  if (!plausible(token)) return null;
  const found = await deps.database.transaction('all', (tx) => findTokenActor(deps, tx, token, requestId));
  return found?.actor ?? null;
}

/**
 * Runs `handle` with the actor behind a bearer token in the request's one transaction
 * (request-transaction.ts); `handle(null)` outside it when the token finds no one.
 */
function inTokenRequest<T>(
  deps: ServiceDeps,
  token: string,
  requestId: string | undefined,
  handle: (found: { actor: Actor } | null) => Promise<T>,
): Promise<T> {
  if (!plausible(token)) return handle(null);
  return inRequestTransaction(deps.database, (tx) => findTokenActor(deps, tx, token, requestId), handle);
}

function plausible(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX) && token.length <= 100;
}

async function findTokenActor(
  { clock }: ServiceDeps,
  tx: Tx,
  token: string,
  requestId: string | undefined,
): Promise<{ actor: Actor } | null> {
  const now = clock.now();
  const row = await findLiveToken(tx, tokenHash(token), now);
  if (!row?.active) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    // At the end of the request's transaction, also when it rolls back: a refused call is a use too.
    const touch = (t: Tx, ids: string[]) => touchTokens(t, ids, now);
    if (!deferUntilCommit(tx, 'apiToken.touch', row.token_id, touch, { evenOnRollback: true })) {
      await touch(tx, [row.token_id]);
    }
  }
  return { actor: { ...toActor(row), requestId, signIn: API_TOKEN_SIGN_IN } };
}
