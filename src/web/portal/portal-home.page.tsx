import { Alert } from '../components/alert.tsx';
import { isCaseOpen } from '../../domain/case-lifecycle.ts';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import type { PortalHome } from '../../services/portal/portal.service.ts';
import { PortalLayout } from './portal-layout.tsx';
import { PORTAL_VOUCHERS } from './portal-vouchers.page.tsx';

// The citizen's front page: who helps me and how I reach them, where things stand, what I can do now.

/** A short success message after a form, announced politely. */
export function Notice({ ctx, text }: { ctx: PageContext; text: string | undefined }) {
  return text ? (
    <Alert kind="success" iconLabel={ctx.t('portal.notice')}>
      <p>{text}</p>
    </Alert>
  ) : null;
}

function phaseText(ctx: PageContext, home: PortalHome): string[] {
  const { t, lang } = ctx;
  const s = home.status;
  switch (s.phase) {
    case 'referred':
    case 'screening':
      return [t(`portal.home.phase.${s.phase}`)];
    case 'lead_in':
      return [t('portal.home.phase.lead_in'), t('portal.home.phase.lead_in.money')];
    case 'active':
      return [t('portal.home.phase.active', { date: s.lastDay ? formatDate(s.lastDay, lang) : '' })];
    case 'paused':
      return [t('portal.home.phase.paused')];
    case 'closed':
      return [t('portal.home.phase.closed', { date: s.closedOn ? formatDate(s.closedOn, lang) : '' })];
  }
}

function nextSteps(
  ctx: PageContext,
  home: PortalHome,
  vouchersReady: number,
): { href: string; text: string }[] {
  const { t } = ctx;
  const open = isCaseOpen(home.status.phase);
  const steps: { href: string; text: string }[] = [];
  if (vouchersReady > 0) {
    steps.push({
      href: PORTAL_VOUCHERS,
      text:
        vouchersReady === 1
          ? t('voucherPages.home.one')
          : t('voucherPages.home.many', { count: vouchersReady }),
    });
  }
  if (home.toConfirm > 0) {
    steps.push({
      href: '/borger/bekraeft',
      text:
        home.toConfirm === 1
          ? t('portal.home.toConfirm.one')
          : t('portal.home.toConfirm.many', { count: home.toConfirm }),
    });
  }
  if (home.questionnairesDue.length > 0) {
    steps.push({ href: '/borger/spoergeskemaer', text: t('portal.home.questionnaire') });
  }
  if (open && !home.hasDream) steps.push({ href: '/borger/maal', text: t('portal.home.writeDream') });
  if (open) {
    steps.push({ href: '/borger/koeb/nyt', text: t('portal.home.propose') });
    steps.push({ href: '/borger/ideer', text: t('portal.home.idea') });
  }
  return steps;
}

export function PortalHomePage({
  ctx,
  home,
  vouchersReady = 0,
}: {
  ctx: PageContext;
  home: PortalHome;
  /** Vouchers the citizen can use now (a link to them when there are any). */
  vouchersReady?: number;
}) {
  const { t } = ctx;
  const steps = nextSteps(ctx, home, vouchersReady);
  return (
    <PortalLayout ctx={ctx} title={t('portal.nav.home')}>
      <h1>{t('portal.home.hello', { name: home.firstName })}</h1>
      <p class="font-lead">{t('portal.home.lede')}</p>

      <h2>{t('portal.home.now')}</h2>
      {phaseText(ctx, home).map((line) => (
        <p>{line}</p>
      ))}

      {steps.length > 0 ? (
        <>
          <h2>{t('portal.home.next')}</h2>
          <ul class="portal-steps">
            {steps.map((step) => (
              <li>
                <a href={step.href}>{step.text}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('portal.home.support')}</h2>
      {home.support ? (
        <>
          <p>{t('portal.home.supportName', { name: home.support.name })}</p>
          <ul class="unstyled-list portal-contact">
            {home.support.phone ? (
              <li>
                <a href={`tel:${home.support.phone.replace(/\s+/g, '')}`}>
                  {t('portal.home.supportPhone', { phone: home.support.phone })}
                </a>
              </li>
            ) : null}
            {home.support.email ? (
              <li>
                <a href={`mailto:${home.support.email}`}>
                  {t('portal.home.supportEmail', { email: home.support.email })}
                </a>
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <p>{t('portal.home.noSupport')}</p>
      )}
    </PortalLayout>
  );
}
