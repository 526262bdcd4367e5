import type { Child } from 'hono/jsx';
import { parseDateInput } from '../../domain/calendar-date.ts';
import type { FieldErrors } from '../../domain/errors.ts';
import { translate } from '../../i18n/index.ts';
import type { PageContext } from '../context.ts';
import { fieldId } from './error-summary.tsx';

export { ErrorSummary, fieldId } from './error-summary.tsx';

// DKFDS form building blocks. Every form posts with a CSRF token and a fresh idempotency key; a field in
// error shows its message inline (with a hidden "Fejl: ") and in the error summary above the heading.

export type Values = Record<string, unknown>;

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function Form({
  ctx,
  action,
  children,
  class: cls,
  enctype,
}: {
  ctx: PageContext;
  action: string;
  children: Child;
  class?: string;
  /** 'multipart/form-data' for a form with a file. */
  enctype?: 'multipart/form-data';
}) {
  return (
    <form method="post" action={action} class={cls} enctype={enctype} novalidate>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="_idem" value={ctx.idempotencyKey()} />
      {children}
    </form>
  );
}

/** A field's message in the reader's language, or undefined when the field is fine. */
export function fieldError(
  ctx: PageContext,
  errors: FieldErrors | undefined,
  name: string,
): string | undefined {
  const said = errors?.[name];
  return said ? translate(ctx.t, said) : undefined;
}

interface FieldProps {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string | undefined;
  values: Values;
  errors?: FieldErrors | undefined;
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function valueOf(values: Values, name: string): string {
  let node: unknown = values;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean'
    ? String(node)
    : '';
}

function HintAndError({
  ctx,
  id,
  hint,
  error,
}: {
  ctx: PageContext;
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <span class="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="form-error-message" id={`${id}-error`}>
          <span class="sr-only">{ctx.t('error.prefix')}</span>
          {error}
        </span>
      ) : null}
    </>
  );
}

/**
 * A date field shows only ISO dates, so a date typed as 7.12.2026 (where there was no date field) is
 * shown again as that day; anything else is kept as typed beside its message.
 */
function dateValue(typed: string): string {
  const date = parseDateInput(typed);
  return date.ok ? date.value : typed;
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date';
    autocomplete?: string;
    inputmode?: 'numeric' | 'decimal' | 'email' | 'tel';
    width?: 'xs' | 's' | 'm' | 'l' | 'xl';
    suffix?: string;
    multiline?: boolean;
  },
) {
  const { ctx, name, label, hint, values, errors } = props;
  const id = fieldId(name);
  const error = fieldError(ctx, errors, name);
  const common = {
    id,
    name,
    class: `form-input${props.width ? ` input-width-${props.width}` : ''}`,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? 'true' : undefined,
  };
  const value = props.type === 'password' ? '' : valueOf(values, name);
  const shown = props.type === 'date' ? dateValue(value) : value;
  const input = props.multiline ? (
    <textarea {...common} rows={4}>
      {value}
    </textarea>
  ) : (
    <input
      {...common}
      type={props.type ?? 'text'}
      value={shown}
      autocomplete={props.autocomplete}
      inputmode={props.inputmode}
    />
  );
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <HintAndError ctx={ctx} id={id} hint={hint} error={error} />
      {props.suffix ? (
        <div class="form-input-wrapper form-input-wrapper--suffix">
          {input}
          <div class="form-input-suffix" aria-hidden="true">
            {props.suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { ctx, name, label, hint, values, errors, options } = props;
  const id = fieldId(name);
  const error = fieldError(ctx, errors, name);
  const selected = valueOf(values, name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <label class="form-label" for={id}>
        {label}
      </label>
      <HintAndError ctx={ctx} id={id} hint={hint} error={error} />
      <select
        class="form-select"
        id={id}
        name={name}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioGroup(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { ctx, name, label, hint, values, errors, options } = props;
  const id = fieldId(name);
  const error = fieldError(ctx, errors, name);
  const selected = valueOf(values, name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class="form-label">{label}</legend>
        <HintAndError ctx={ctx} id={id} hint={hint} error={error} />
        {options.map((o, i) => (
          <div class="form-group-radio">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${i + 1}`}
              name={name}
              value={o.value}
              class="form-radio"
              checked={o.value === selected}
            />
            <label class="form-label" for={i === 0 ? id : `${id}-${i + 1}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

export function Checkbox({
  ctx,
  name,
  label,
  hint,
  values,
  errors,
}: {
  ctx?: PageContext;
  name: string;
  label: string;
  /** Shown under the label, and read with the box. */
  hint?: string | undefined;
  values: Values;
  errors?: FieldErrors | undefined;
}) {
  const id = fieldId(name);
  const value = valueOf(values, name);
  const error = errors?.[name];
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      {error && ctx ? <HintAndError ctx={ctx} id={id} error={translate(ctx.t, error)} /> : null}
      <div class="form-group-checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          class="form-checkbox"
          checked={value === 'true' || value === 'on'}
          aria-describedby={describedBy(id, hint, error ? 'error' : undefined)}
          aria-invalid={error ? 'true' : undefined}
        />
        <label class="form-label" for={id}>
          {label}
        </label>
        {hint ? (
          <span class="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** The values of a multi-choice field (a path like "goal.categories"), as the form sent them. */
function valuesOf(values: Values, name: string): string[] {
  let node: unknown = values;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(node) ? node.map(String) : typeof node === 'string' ? [node] : [];
}

/** Several checkboxes under one question (a fieldset); the first box carries the field's id. */
export function CheckboxGroup(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { ctx, name, label, hint, values, errors, options } = props;
  const id = fieldId(name);
  const error = fieldError(ctx, errors, name);
  const checked = valuesOf(values, name);
  return (
    <div class={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class="form-label">{label}</legend>
        <HintAndError ctx={ctx} id={id} hint={hint} error={error} />
        {options.map((o, i) => (
          <div class="form-group-checkbox">
            <input
              type="checkbox"
              class="form-checkbox"
              id={i === 0 ? id : `${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={checked.includes(o.value)}
            />
            <label class="form-label" for={i === 0 ? id : `${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
