import { ASSET_URLS, type IconName } from '../assets.ts';

/** A decorative DKFDS icon beside text; `label` makes it meaningful on its own. */
export function Icon({ name, label, class: cls }: { name: IconName; label?: string; class?: string }) {
  const className = `icon-svg${cls ? ` ${cls}` : ''}`;
  return label ? (
    <svg class={className} role="img" aria-label={label} focusable="false">
      <use href={`${ASSET_URLS.sprite}#${name}`} />
    </svg>
  ) : (
    <svg class={className} focusable="false" aria-hidden="true">
      <use href={`${ASSET_URLS.sprite}#${name}`} />
    </svg>
  );
}
