import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import type { WayForward } from '../refusal.ts';

export function ErrorPage({
  ctx,
  title,
  text,
  requestId,
  retry,
  way,
}: {
  ctx: PageContext;
  title: string;
  text: string;
  requestId?: string | undefined;
  /** A page to try again (the one asked for), offered first. */
  retry?: string | undefined;
  /** Where to go on from a refused step, offered first. */
  way?: WayForward | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="font-lead">{text}</p>
      <p>
        {way ? (
          <a href={way.href} class="button button-primary mr-4">
            {t(way.label)}
          </a>
        ) : null}
        {retry ? (
          <a href={retry} class="button button-primary mr-4">
            {t('error.retry')}
          </a>
        ) : null}
        <a href="/" class="button button-secondary">
          {t('error.back')}
        </a>
      </p>
      {/* A reference for support, small: never the message itself. */}
      {requestId ? (
        <p class="small-text mt-7">
          {t('error.requestId')}: <code>{requestId}</code>
        </p>
      ) : null}
    </Layout>
  );
}
