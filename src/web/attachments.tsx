import type { Context, Hono } from 'hono';
import type { FieldErrors } from '../domain/errors.ts';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_KINDS } from '../domain/purchase-request.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { fileField, readForm, text } from '../http/form.ts';
import type { AttachmentView } from '../services/money/attachment.service.ts';
import type { Actor } from '../services/context.ts';
import { ErrorSummary, fieldError, fieldId, Form, SelectField } from './components/form.tsx';
import { Layout } from './components/layout.tsx';
import { pageContext, type PageContext } from './context.ts';
import { formatDateTime } from './format.ts';
import { submitForm } from './form-route.ts';
import { requireActor } from './request.ts';

// Attachments of a purchase request (quote, invoice, receipt, proof of payment): the list with download
// links and the upload form, shown on the request's page for staff and for finance; the upload and
// download routes. A refused upload gets a page of its own with the error and the form again.

/** Where the request's page is for this actor: finance has no case pages. */
function requestPage(actor: Actor, caseId: string, requestId: string): string {
  return actor.role === 'finance'
    ? `/betalinger/${requestId}?besked=bilag`
    : `/forloeb/${caseId}/anmodninger/${requestId}?ok=bilag`;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function UploadForm({
  ctx,
  requestId,
  errors,
  kind,
}: {
  ctx: PageContext;
  requestId: string;
  errors?: FieldErrors;
  kind?: string;
}) {
  const { t } = ctx;
  const fileError = fieldError(ctx, errors, 'file');
  return (
    <Form ctx={ctx} action={`/anmodninger/${requestId}/bilag`} enctype="multipart/form-data">
      <SelectField
        ctx={ctx}
        name="kind"
        label={t('attachments.kind')}
        values={{ kind: kind ?? 'receipt' }}
        errors={errors}
        options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ctx.t(ATTACHMENT_KIND_LABELS[k]) }))}
      />
      <div class={`form-group${fileError ? ' form-error' : ''}`}>
        <label class="form-label" for="file">
          {t('attachments.file')}
        </label>
        <span class="form-hint" id="file-hint">
          {t('attachments.fileHint')}
        </span>
        {fileError ? (
          <span class="form-error-message" id="file-error">
            <span class="sr-only">{t('error.prefix')}</span>
            {fileError}
          </span>
        ) : null}
        <input
          class="form-file-input"
          type="file"
          id={fieldId('file')}
          name="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
          aria-invalid={fileError ? 'true' : undefined}
        />
      </div>
      <button type="submit" class="button button-secondary">
        {t('attachments.upload')}
      </button>
    </Form>
  );
}

/** The request's attachments and, when the actor may add one, the upload form. */
export function AttachmentsSection({
  ctx,
  requestId,
  attachments,
  canUpload,
}: {
  ctx: PageContext;
  requestId: string;
  attachments: readonly AttachmentView[];
  canUpload: boolean;
}) {
  const { t, lang } = ctx;
  return (
    <section id="bilag" aria-labelledby="bilag-heading">
      <h2 id="bilag-heading">{t('attachments.heading')}</h2>
      {attachments.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul class="nobullet-list">
          {attachments.map((a) => (
            <li>
              <a href={`/bilag/${a.id}`} download>
                {a.fileName}
              </a>{' '}
              – {t(ATTACHMENT_KIND_LABELS[a.kind])}, {size(a.sizeBytes)}, {formatDateTime(a.uploadedAt, lang)}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? <UploadForm ctx={ctx} requestId={requestId} /> : null}
    </section>
  );
}

function UploadFailedPage({
  ctx,
  requestId,
  errors,
  kind,
}: {
  ctx: PageContext;
  requestId: string;
  errors: FieldErrors;
  kind: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('attachments.failedTitle')} hasErrors>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{t('attachments.failedTitle')}</h1>
      <UploadForm ctx={ctx} requestId={requestId} errors={errors} kind={kind} />
    </Layout>
  );
}

export function registerAttachmentRoutes(app: Hono<AppEnv>, { services }: AppDeps): void {
  app.post('/anmodninger/:requestId/bilag', async (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    const requestId = c.req.param('requestId') ?? '';
    const form = await readForm(c);
    return submitForm(
      async () => {
        const { caseId } = await services.attachments.attach(
          actor,
          requestId,
          { kind: text(form, 'kind') },
          await fileField(form, 'file'),
        );
        return c.redirect(`${requestPage(actor, caseId, requestId)}#bilag`, 303);
      },
      {
        invalid: (error) =>
          c.html(
            <UploadFailedPage
              ctx={pageContext(c)}
              requestId={requestId}
              errors={error.fields}
              kind={text(form, 'kind')}
            />,
            422,
          ),
      },
    );
  });

  app.get('/bilag/:attachmentId', async (c) => {
    const actor = requireActor(c);
    const file = await services.attachments.download(
      actor,
      c.req.param('attachmentId'),
      'GET /bilag/:attachmentId',
    );
    return c.body(new Uint8Array(file.content), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      Digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
    });
  });
}
