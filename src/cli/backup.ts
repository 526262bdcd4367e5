import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { translator, type Lang } from '../i18n/index.ts';
import { backupDatabase, restoreDatabase } from '../services/backup/backup.service.ts';

// `borgerbudget backup --out FILE` and `borgerbudget restore FILE` (operations: Backup and restore). The
// passphrase comes from BACKUP_PASSPHRASE in the environment only: an argument would show in the shell's
// history and in the process list. Bad arguments or no passphrase: exit code 2; a refusal (a wrong
// passphrase, a damaged file, a target that is not empty): exit code 1, with nothing changed.

type BackupConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'backupPassphrase'>;

export async function backupCommand(
  args: readonly string[],
  lang: Lang,
  config: BackupConfig,
): Promise<number> {
  const t = translator(lang);
  const [flag, file, ...rest] = args;
  if (flag !== '--out' || !file || file.startsWith('--') || rest.length > 0) {
    console.error(t('cli.backup.usage'));
    return 2;
  }
  const passphrase = config.backupPassphrase;
  if (!passphrase) {
    console.error(t('cli.backup.noPassphrase'));
    return 2;
  }
  const written = await backupDatabase(config, resolve(file), passphrase);
  const size = formatSize(written.bytes, lang);
  console.log(t('cli.backup.written', { file: written.file, size, database: written.kind }));
  if (written.rows !== undefined && written.tables !== undefined) {
    console.log(t('cli.backup.counted', { rows: written.rows, tables: written.tables }));
  }
  return 0;
}

export async function restoreCommand(
  args: readonly string[],
  lang: Lang,
  config: BackupConfig,
): Promise<number> {
  const t = translator(lang);
  const [file, ...rest] = args;
  if (!file || file.startsWith('--') || rest.length > 0) {
    console.error(t('cli.restore.usage'));
    return 2;
  }
  const passphrase = config.backupPassphrase;
  if (!passphrase) {
    console.error(t('cli.backup.noPassphrase'));
    return 2;
  }
  const meta = await restoreDatabase(config, resolve(file), passphrase);
  console.log(t('cli.restore.done', { createdAt: meta.createdAt.toISOString(), database: meta.kind }));
  console.log(t('cli.restore.next'));
  return 0;
}

/** Kilobytes under a megabyte, else megabytes with one decimal, with the language's decimal mark. */
function formatSize(bytes: number, lang: Lang): string {
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
