import type { MessageKey, Translate } from '../i18n/index.ts';
import type { Services } from '../services/index.ts';
import {
  DEFAULT_BATCH_SIZE,
  type CprKeyStatus,
  type CprRotationResult,
} from '../services/privacy/cpr-rotation.service.ts';

// `borgerbudget rotate-cpr-key [--check] [--batch-size N]`
// (spec: CPR key rotation; operations: Rotating the CPR key).
// Without --check: every CPR number not under the first key of CPR_ENCRYPTION_KEYS is re-encrypted under
// it, a batch at a time while the app runs, with the progress on standard output; exit 0 when no value
// under an old key is left, else 1, with the citizens whose number no configured key can read named by
// id (never the number). With --check: the CPR numbers counted per key, nothing changed; exit 1 when any
// is not under the first key. Bad arguments: exit 2.

const MAX_BATCH_SIZE = 10_000;

const KEY_LINES = {
  first: 'cli.rotate.check.first',
  older: 'cli.rotate.check.older',
  unknown: 'cli.rotate.check.unknown',
  beforeKeyIds: 'cli.rotate.check.beforeKeyIds',
} as const satisfies Record<CprKeyStatus, MessageKey>;

export async function rotateCprKeyCommand(
  args: readonly string[],
  t: Translate,
  withServices: (fn: (services: Services) => Promise<number>) => Promise<number>,
): Promise<number> {
  let check = false;
  let batchSize = DEFAULT_BATCH_SIZE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--check') {
      check = true;
    } else if (arg === '--batch-size') {
      const value = args[++i] ?? '';
      batchSize = Number(value);
      if (!/^\d+$/.test(value) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        console.error(`${t('cli.rotate.batchSize', { value })}\n${t('cli.rotate.usage')}`);
        return 2;
      }
    } else {
      console.error(t('cli.rotate.usage'));
      return 2;
    }
  }
  if (check) return withServices((services) => printCheck(services, t));
  return withServices(async (services) => {
    const { firstKeyId } = await services.cprKeys.check();
    console.log(t('cli.rotate.start', { keyId: firstKeyId, size: batchSize }));
    const result = await services.cprKeys.rotate({
      batchSize,
      onBatch: (p) => console.log(t('cli.rotate.progress', { ...p })),
    });
    return printResult(result, t);
  });
}

async function printCheck(services: Services, t: Translate): Promise<number> {
  const { firstKeyId, keys, notUnderFirst } = await services.cprKeys.check();
  console.log(t('cli.rotate.check.title', { keyId: firstKeyId }));
  for (const { keyId, status, count } of keys)
    console.log(t(KEY_LINES[status], { keyId: keyId ?? 'v1', count }));
  if (notUnderFirst === 0) {
    console.log(t('cli.rotate.check.clean'));
    return 0;
  }
  console.log(t('cli.rotate.check.pending', { count: notUnderFirst }));
  return 1;
}

function printResult(result: CprRotationResult, t: Translate): number {
  const { reencrypted, batches, left, unreadable } = result;
  console.log(t('cli.rotate.done', { reencrypted, batches }));
  if (left === 0) {
    console.log(t('cli.rotate.noneLeft'));
    return 0;
  }
  console.error(t('cli.rotate.left', { left }));
  for (const { citizenId: citizen, unknownKeyId: keyId } of unreadable) {
    console.error(
      keyId === null
        ? t('cli.rotate.unreadable', { citizen })
        : t('cli.rotate.unknownKey', { citizen, keyId }),
    );
  }
  if (left > unreadable.length) console.error(t('cli.rotate.skipped', { count: left - unreadable.length }));
  return 1;
}
