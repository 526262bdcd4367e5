import { FILE_SPECS, IMPORT_FILE_NAMES, type ImportFileName } from '../../domain/import/import-files.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { PageContext } from '../context.ts';

// The import files' columns as the importer checks them (FILE_SPECS), each with what it means in the
// reader's language, and a link to an example file built from the same list (formats: CSV import). The
// column names stay exactly as the contract spells them.

const STEM: Record<ImportFileName, 'cases' | 'answers' | 'payments'> = {
  'cases.csv': 'cases',
  'answers.csv': 'answers',
  'payments.csv': 'payments',
};

/** Required, not required, or required only for a case terminated early (the one conditional column). */
function requiredText(ctx: PageContext, file: ImportFileName, column: string): string {
  if (FILE_SPECS[file].required.includes(column)) return ctx.t('import.columns.yes');
  if (file === 'cases.csv' && column === 'termination_reason') return ctx.t('import.columns.ifTerminated');
  return ctx.t('import.columns.no');
}

function FileColumns({ ctx, file }: { ctx: PageContext; file: ImportFileName }) {
  const { t } = ctx;
  const stem = STEM[file];
  return (
    <section class="mt-6" aria-labelledby={`kolonner-${stem}`}>
      <h3 id={`kolonner-${stem}`}>{t(`import.columns.file.${stem}`)}</h3>
      <table class="table table--zebra table--responsive-headers">
        <caption class="sr-only">{t('import.columns.caption', { file })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.columns.name')}</th>
            <th scope="col">{t('import.columns.required')}</th>
            <th scope="col">{t('import.columns.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {FILE_SPECS[file].columns.map((column) => (
            <tr>
              <td data-title={t('import.columns.name')}>
                <code lang="en">{column}</code>
              </td>
              <td data-title={t('import.columns.required')}>{requiredText(ctx, file, column)}</td>
              <td data-title={t('import.columns.meaning')}>
                {t(`import.column.${stem}.${column}` as MessageKey)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/import/eksempel/${file}`} download={file}>
          {t('import.columns.example', { file })}
        </a>
      </p>
    </section>
  );
}

export function ImportColumns({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('import.columns.heading')}</h2>
      <p>{t('import.columns.intro')}</p>
      <p>{t('import.columns.rules')}</p>
      {IMPORT_FILE_NAMES.map((file) => (
        <FileColumns ctx={ctx} file={file} />
      ))}
    </>
  );
}
