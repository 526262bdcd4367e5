import {
  citizensNotUnderKey,
  cprValuesByForm,
  setCprValues,
  type CprValue,
} from '../../db/repositories/cpr-key.repository.ts';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit.service.ts';
import type { ServiceDeps } from '../context.ts';
import { createCprVault, CprVaultError, type CprVault } from '../cpr-vault.ts';

// CPR key rotation (spec: CPR key rotation): `borgerbudget rotate-cpr-key` moves every stored CPR number,
// and its lookup hash, to the first of the configured keys. It runs while the app serves: a batch of
// citizens at a time, each batch its own transaction over rows locked with SKIP LOCKED (the app is never
// kept waiting), and only rows not yet under the first key are touched, so a run that stopped half-way
// is resumed by running it again. The operator's command, over all municipalities; the audit log gets
// one event per run, with counts only.

export const DEFAULT_BATCH_SIZE = 500;

/** Where a stored value's key stands: the first key, an older configured one, none configured, or v1. */
export type CprKeyStatus = 'first' | 'older' | 'unknown' | 'beforeKeyIds';

export interface CprKeyCount {
  /** null for values from before key ids ('v1.'), which name no key. */
  keyId: string | null;
  status: CprKeyStatus;
  count: number;
}

export interface CprKeyCheck {
  firstKeyId: string;
  keys: CprKeyCount[];
  /** Values not under the first key. */
  notUnderFirst: number;
}

/** A value the run could not read: under a key that is not configured, or that no configured key opens. */
export interface UnreadableCpr {
  citizenId: string;
  /** The key id the value names, when that key is not configured. */
  unknownKeyId: string | null;
}

export interface CprRotationProgress {
  batches: number;
  reencrypted: number;
}

export interface CprRotationResult extends CprRotationProgress {
  firstKeyId: string;
  /** Values still not under the first key when the run ended: the unreadable ones and any skipped. */
  left: number;
  unreadable: UnreadableCpr[];
}

export interface CprRotationOptions {
  batchSize?: number;
  /** Told after each batch has committed; the next batch waits for it. */
  onBatch?: (progress: CprRotationProgress) => void | Promise<void>;
}

export function createCprRotationService(deps: ServiceDeps) {
  const vault = createCprVault(deps.secrets.cpr);
  const firstKeyId = vault.keyIds[0] ?? '';
  const check = (tx: Tx) => countByKey(tx, vault, firstKeyId);

  return {
    /** `rotate-cpr-key --check`: how many values each key holds; nothing changes. */
    check: (): Promise<CprKeyCheck> => deps.database.transaction('all', check),

    /** `rotate-cpr-key`: every value not under the first key re-encrypted under it, a batch at a time. */
    async rotate(options: CprRotationOptions = {}): Promise<CprRotationResult> {
      const { batchSize = DEFAULT_BATCH_SIZE } = options;
      const progress: CprRotationProgress = { batches: 0, reencrypted: 0 };
      const unreadable: UnreadableCpr[] = [];
      for (let after: string | null = null; ;) {
        const batch = await deps.database.transaction('all', (tx) =>
          rotateBatch(tx, vault, firstKeyId, after, batchSize),
        );
        if (batch.last === null) break;
        after = batch.last;
        progress.batches += 1;
        progress.reencrypted += batch.reencrypted;
        unreadable.push(...batch.unreadable);
        await options.onBatch?.({ ...progress });
      }
      return deps.database.transaction('all', async (tx) => {
        const { notUnderFirst: left } = await check(tx);
        await recordAudit(tx, null, deps.clock.now(), {
          municipalityId: null,
          action: 'cpr.rotate',
          entityType: 'cpr_key',
          entityId: firstKeyId,
          after: { ...progress, left, unreadable: unreadable.length },
        });
        return { ...progress, firstKeyId, left, unreadable };
      });
    },
  };
}

async function rotateBatch(tx: Tx, vault: CprVault, firstKeyId: string, after: string | null, size: number) {
  const rows = await citizensNotUnderKey(tx, firstKeyId, after, size);
  const values: CprValue[] = [];
  const unreadable: UnreadableCpr[] = [];
  for (const row of rows) {
    try {
      const cpr = vault.decrypt(row.cpr_encrypted);
      values.push({ id: row.id, cprEncrypted: vault.encrypt(cpr), cprHash: vault.lookupHash(cpr) });
    } catch (error) {
      if (!(error instanceof CprVaultError)) throw error;
      unreadable.push({ citizenId: row.id, unknownKeyId: error.unknownKeyId ?? null });
    }
  }
  await setCprValues(tx, values);
  return { last: rows.at(-1)?.id ?? null, reencrypted: values.length, unreadable };
}

/** The order the keys are listed in: the first key, the older ones as configured, the unknown ones, v1. */
const STATUS_ORDER: readonly CprKeyStatus[] = ['first', 'older', 'unknown', 'beforeKeyIds'];

async function countByKey(tx: Tx, vault: CprVault, firstKeyId: string): Promise<CprKeyCheck> {
  const listed = (a: CprKeyCount, b: CprKeyCount) =>
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    vault.keyIds.indexOf(a.keyId ?? '') - vault.keyIds.indexOf(b.keyId ?? '') ||
    (a.keyId ?? '').localeCompare(b.keyId ?? '');
  const keys = (await cprValuesByForm(tx))
    .map(({ form, count }): CprKeyCount => {
      const keyId = form === 'v1' ? null : form.slice('v2.'.length);
      return { keyId, status: statusOf(keyId, vault, firstKeyId), count };
    })
    .sort(listed);
  const notUnderFirst = keys.filter((k) => k.status !== 'first').reduce((sum, k) => sum + k.count, 0);
  return { firstKeyId, keys, notUnderFirst };
}

function statusOf(keyId: string | null, vault: CprVault, firstKeyId: string): CprKeyStatus {
  if (keyId === null) return 'beforeKeyIds';
  if (keyId === firstKeyId) return 'first';
  return vault.keyIds.includes(keyId) ? 'older' : 'unknown';
}
