import type { MitIdRefused } from '../../domain/errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';
import { MITID_START_PATH } from '../mitid-paths.ts';

// A MitID log-in that gave no session (spec: Citizen log-in): what happened and what to do, in plain
// words, and the way back to the log-in page.

export type MitIdRefusal = MitIdRefused['reason'] | 'failed';

/** Each refusal's title and text. */
const SAID = {
  level: ['mitid.level.title', 'mitid.level.text'],
  unknown: ['mitid.unknown.title', 'mitid.unknown.text'],
  notOffered: ['mitid.notOffered.title', 'mitid.notOffered.text'],
  closed: ['mitid.closed.title', 'mitid.closed.text'],
  failed: ['mitid.failed.title', 'mitid.failed.text'],
} as const satisfies Record<MitIdRefusal, readonly [MessageKey, MessageKey]>;

export function MitIdRefusedPage({ ctx, reason }: { ctx: PageContext; reason: MitIdRefusal }) {
  const { t } = ctx;
  const [titleKey, textKey] = SAID[reason];
  const title = t(titleKey);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{title}</h1>
          <p class="font-lead">{t(textKey)}</p>
          <p>
            <a href="/log-ind" class="button button-primary">
              {t('mitid.refused.back')}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

/** "Log ind med MitID", where the citizens' issuer is configured: a link that starts the log-in. */
export function MitIdSignIn({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <a href={MITID_START_PATH} class="button button-secondary">
        {ctx.t('mitid.button')}
      </a>
    </p>
  );
}
