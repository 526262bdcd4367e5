import type { Child } from 'hono/jsx';
import { Icon } from './icon.tsx';

const ICON = { info: 'info', success: 'success', warning: 'warning', error: 'error' } as const;

/** A DKFDS alert. Success is announced politely (status); warnings and errors at once (alert). */
export function Alert({
  kind,
  heading,
  children,
  iconLabel,
}: {
  kind: keyof typeof ICON;
  heading?: string;
  children?: Child;
  iconLabel: string;
}) {
  const role = kind === 'success' ? 'status' : kind === 'info' ? undefined : 'alert';
  return (
    <div class={`alert alert-${kind}`} role={role}>
      <Icon name={ICON[kind]} label={iconLabel} class="alert-icon" />
      <div class="alert-body">
        {heading ? <h2 class="alert-heading">{heading}</h2> : null}
        {children ? <div class="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}

/** The notice of what was just done (the page after a 303), or nothing. */
export function DoneNotice({ notice, iconLabel }: { notice: string | undefined; iconLabel: string }) {
  return notice ? <Alert kind="success" iconLabel={iconLabel} heading={notice} /> : null;
}
