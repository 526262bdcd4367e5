import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatImportError } from '../domain/import/import-files.ts';
import type { Services } from '../services/index.ts';

// `borgerbudget import --dir FOLDER` (formats: CSV import): the folder's cases.csv, answers.csv and
// payments.csv, all or nothing, as the operator (any municipality; the database is the operator's).
// Every wrong row goes to standard error as `file:line: column: reason`, with exit code 1; on success
// a Danish summary goes to standard output, with exit code 0. Bad arguments: exit code 2.

const USAGE = 'Usage: borgerbudget import --dir FOLDER';

export async function importCommand(
  args: readonly string[],
  withServices: (fn: (services: Services) => Promise<number>) => Promise<number>,
): Promise<number> {
  const [flag, dir, ...rest] = args;
  if (flag !== '--dir' || dir === undefined || dir.startsWith('--') || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.csv'));
  } catch {
    console.error(`Mappen "${dir}" findes ikke eller kan ikke læses.\n${USAGE}`);
    return 2;
  }
  if (names.length === 0) {
    console.error(
      `Intet er importeret: mappen "${dir}" har ingen af filerne cases.csv, answers.csv og payments.csv.`,
    );
    return 1;
  }
  const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
  return withServices(async (services) => {
    const started = performance.now();
    const result = await services.imports.importAsOperator(files);
    if (!result.ok) {
      console.error(`Intet er importeret: ${result.errors.length} fejl.`);
      for (const e of result.errors) console.error(formatImportError(e));
      return 1;
    }
    const s = result.summary;
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
    console.log(`Importeret: ${s.cases.length} forløb, ${s.answers} svar, ${s.payments} betalinger.`);
    console.log(`(${s.questionnaires} spørgeskemaer; ${seconds} s)`);
    return 0;
  });
}
