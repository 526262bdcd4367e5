import { isAllowed } from '../../domain/permissions.ts';
import type { PageContext } from '../context.ts';
import { Icon } from './icon.tsx';

/** The staff user's own settings (spec: E-mail notifications), for those who get e-mails. */
export function SettingsLink({ ctx }: { ctx: PageContext }) {
  if (!ctx.actor || !isAllowed(ctx.actor.role, 'mail.chooseNotify')) return null;
  return (
    <a href="/mine-indstillinger" class="function-link d-print-none mr-5">
      <Icon name="settings" />
      {ctx.t('mail.nav.settings')}
    </a>
  );
}
