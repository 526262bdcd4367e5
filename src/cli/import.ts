import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatImportError } from '../domain/import/import-files.ts';
import { translator, type Lang } from '../i18n/index.ts';
import type { Services } from '../services/index.ts';

// `borgerbudget import --dir FOLDER` (formats: CSV import): the folder's cases.csv, answers.csv and
// payments.csv, all or nothing, as the operator (any municipality; the database is the operator's).
// Every wrong row goes to standard error as `file:line: column: reason`, with exit code 1; on success
// a summary goes to standard output, with exit code 0. Bad arguments: exit code 2.

export async function importCommand(
  args: readonly string[],
  lang: Lang,
  withServices: (fn: (services: Services) => Promise<number>) => Promise<number>,
): Promise<number> {
  const t = translator(lang);
  const [flag, dir, ...rest] = args;
  if (flag !== '--dir' || dir === undefined || dir.startsWith('--') || rest.length > 0) {
    console.error(t('cli.import.usage'));
    return 2;
  }
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.csv'));
  } catch {
    console.error(`${t('cli.import.noFolder', { dir })}\n${t('cli.import.usage')}`);
    return 2;
  }
  if (names.length === 0) {
    console.error(t('cli.import.noFiles', { dir }));
    return 1;
  }
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  return withServices(async (services) => {
    const started = performance.now();
    const result = await services.imports.importAsOperator(files);
    if (!result.ok) {
      console.error(t('cli.import.failed', { count: result.errors.length }));
      for (const e of result.errors) console.error(formatImportError(e, t));
      return 1;
    }
    const s = result.summary;
    const seconds = formatSeconds(performance.now() - started, lang);
    console.log(t('cli.import.done', { cases: s.cases.length, answers: s.answers, payments: s.payments }));
    console.log(t('cli.import.doneDetail', { questionnaires: s.questionnaires, seconds }));
    return 0;
  });
}

/** Seconds with one decimal, with the language's decimal mark. */
function formatSeconds(ms: number, lang: Lang): string {
  const digits = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', digits).format(ms / 1000);
}
