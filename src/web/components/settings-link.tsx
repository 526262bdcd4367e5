import { isAllowed } from '../../domain/permissions.ts';
import type { PageContext } from '../context.ts';
import { Icon } from './icon.tsx';

/**
 * The staff user's own settings: their e-mails (spec: E-mail notifications), for those who get e-mails,
 * and their second factor (spec: Staff log-in), which the e-mail page links to.
 */
export function SettingsLink({ ctx }: { ctx: PageContext }) {
  if (!ctx.actor || !isAllowed(ctx.actor.role, 'signIn.secondFactor')) return null;
  const mail = isAllowed(ctx.actor.role, 'mail.chooseNotify');
  return (
    <a
      href={mail ? '/mine-indstillinger' : '/mine-indstillinger/to-trin'}
      class="function-link d-print-none mr-5"
    >
      <Icon name="settings" />
      {ctx.t('mail.nav.settings')}
    </a>
  );
}
