import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

export function ErrorPage({
  ctx,
  title,
  text,
  requestId,
  retry,
}: {
  ctx: PageContext;
  title: string;
  text: string;
  requestId?: string | undefined;
  /** A page to try again (the one asked for), offered first. */
  retry?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="font-lead">{text}</p>
      {requestId ? (
        <p>
          {t('error.requestId')}: <code>{requestId}</code>
        </p>
      ) : null}
      <p>
        {retry ? (
          <a href={retry} class="button button-primary mr-4">
            {t('error.retry')}
          </a>
        ) : null}
        <a href="/" class="button button-secondary">
          {t('error.back')}
        </a>
      </p>
    </Layout>
  );
}
