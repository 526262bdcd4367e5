import { formatImportError, type ImportError } from '../../domain/import/import-files.ts';
import type { ImportSummary } from '../../services/import/import.service.ts';
import { Alert } from '../components/alert.tsx';
import { Form } from '../components/form.tsx';
import { Icon } from '../components/icon.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { ImportColumns } from './import-columns.tsx';
import { IMPORT_HISTORY } from './import-history.page.tsx';

// The coordinator's import of existing data (formats: CSV import): one form with a multi-file
// upload. A refused import lists every wrong row as `file:line: column: reason` in the error summary
// (each entry leads back to the file field, where a corrected upload starts); a successful one says
// what was imported and links to each new case. Works without JavaScript.

export interface ImportPageProps {
  ctx: PageContext;
  /** The upload was refused: the rows in error, or that no file was chosen. */
  errors?: readonly ImportError[] | undefined;
  noFiles?: boolean;
  done?: ImportSummary | undefined;
}

function UploadForm({ ctx, error }: { ctx: PageContext; error: string | null }) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action="/import" enctype="multipart/form-data">
      <div class={`form-group${error ? ' form-error' : ''}`}>
        <label class="form-label" for="files">
          {t('import.files')}
        </label>
        <span class="form-hint" id="files-hint">
          {t('import.filesHint')}
        </span>
        {error ? (
          <span class="form-error-message" id="files-error">
            <span class="sr-only">{t('error.prefix')}</span>
            {error}
          </span>
        ) : null}
        <input
          class="form-file-input"
          type="file"
          id="files"
          name="files"
          multiple
          accept=".csv,text/csv"
          aria-describedby={error ? 'files-hint files-error' : 'files-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button button-primary">
        {t('import.submit')}
      </button>
    </Form>
  );
}

function ErrorList({ ctx, errors }: { ctx: PageContext; errors: readonly string[] }) {
  const { t } = ctx;
  return (
    <div class="alert alert-error mt-0 mb-8" role="alert" tabindex={-1} data-module="error-summary">
      <Icon name="error" label={t('error.prefix').replace(': ', '')} class="alert-icon" />
      <div class="alert-body">
        <h2 class="alert-heading">{t('import.failedHeading', { count: errors.length })}</h2>
        <p class="alert-text">{t('import.failedLead')}</p>
        <ul class="alert-text nobullet-list">
          {errors.map((line) => (
            <li>
              <a class="function-link" href="#files">
                {line}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Done({ ctx, summary }: { ctx: PageContext; summary: ImportSummary }) {
  const { t } = ctx;
  return (
    <>
      <Alert
        kind="success"
        heading={t('import.doneHeading', {
          cases: summary.cases.length,
          answers: summary.answers,
          payments: summary.payments,
        })}
        iconLabel={t('import.submit')}
      >
        <p>{t('import.doneText')}</p>
      </Alert>
      {summary.cases.length > 0 ? (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>{t('import.casesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.caseNumber')}</th>
                <th scope="col">{t('import.col.caseRef')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.cases.map((c) => (
                <tr>
                  <td>
                    <a href={`/forloeb/${c.caseId}`}>{c.caseNumber}</a>
                  </td>
                  <td>{c.caseRef}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        <a href="/import">{t('import.another')}</a>
      </p>
      <p>
        <a href={IMPORT_HISTORY}>{t('import.history.link')}</a>
      </p>
    </>
  );
}

export function ImportPage({ ctx, errors, noFiles, done }: ImportPageProps) {
  const { t, actor } = ctx;
  const lines = (errors ?? []).map((e) => formatImportError(e, t));
  const failed = noFiles === true || lines.length > 0;
  return (
    <Layout ctx={ctx} title={t('import.title')} authority={actor?.municipalityName} hasErrors={failed}>
      {lines.length > 0 ? <ErrorList ctx={ctx} errors={lines} /> : null}
      {noFiles ? <ErrorList ctx={ctx} errors={[t('import.noFiles')]} /> : null}
      <h1>{t('import.title')}</h1>
      {done ? (
        <Done ctx={ctx} summary={done} />
      ) : (
        <>
          <p class="font-lead">{t('import.intro')}</p>
          <UploadForm
            ctx={ctx}
            error={noFiles ? t('import.noFiles') : lines.length > 0 ? t('import.failedInline') : null}
          />
          <ImportColumns ctx={ctx} />
          <p>{t('import.formatNames')}</p>
          <p>
            <a href={IMPORT_HISTORY}>{t('import.history.link')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}
