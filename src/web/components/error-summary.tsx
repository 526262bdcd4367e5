import type { FieldErrors } from '../../domain/errors.ts';
import { translate } from '../../i18n/index.ts';
import type { PageContext } from '../context.ts';
import type { ShownRefusal } from '../refusal.ts';
import { Icon } from './icon.tsx';

// DKFDS's error summary above a page's heading: each field in error as a link to the field, and a
// refused step's reason with the way forward (spec: Refused steps).

/** Field names like "categoryRules.debt.rule" become ids like "categoryRules-debt-rule". */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldErrors | undefined }) {
  const entries = Object.entries(errors ?? {});
  const { refusal } = ctx;
  if (entries.length === 0 && !refusal) return null;
  return (
    <div class="alert alert-error mt-0 mb-8" role="alert" tabindex={-1} data-module="error-summary">
      <Icon name="error" label={ctx.t('error.prefix').replace(': ', '')} class="alert-icon" />
      <div class="alert-body">
        <h2 class="alert-heading">
          {ctx.t(entries.length === 0 ? 'error.conflict.title' : 'error.summary')}
        </h2>
        <ul class="alert-text nobullet-list">
          {refusal ? <RefusalItem ctx={ctx} refusal={refusal} /> : null}
          {entries.map(([name, message]) => (
            <li>
              <a class="function-link" href={`#${fieldId(name === '_form' ? 'main-content' : name)}`}>
                {translate(ctx.t, message)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A refused step in the summary: why, in words, and the way forward as a link (spec: Refused steps). */
function RefusalItem({ ctx, refusal }: { ctx: PageContext; refusal: ShownRefusal }) {
  return (
    <li>
      {translate(ctx.t, refusal.message)}
      {refusal.way ? (
        <>
          {' '}
          <a class="function-link" href={refusal.way.href}>
            {ctx.t(refusal.way.label)}
          </a>
        </>
      ) : null}
    </li>
  );
}
