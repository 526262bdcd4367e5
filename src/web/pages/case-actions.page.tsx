import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';
import { ACKNOWLEDGEMENT_METHOD_LABELS, ACKNOWLEDGEMENT_METHODS } from '../../domain/case-intake.ts';
import type { CaseDetail } from '../../services/cases/case-detail.service.ts';
import type { NoteView } from '../../services/cases/note.service.ts';
import { Checkbox, Form, RadioGroup, TextField, type Values } from '../components/form.tsx';
import type { PageContext } from '../context.ts';
import { formatDate } from '../format.ts';
import { CASE_STEP_PATHS, CASE_STEPS, type CaseStepKind } from './case-steps.ts';

// The actions on the case page, those the phase and the role allow (the services decide; these forms
// only leave out what would certainly be refused). Each form's fields carry the form's name as a
// prefix ("pause.reason"), so several forms on one page never share an id.

interface FormProps {
  ctx: PageContext;
  detail: CaseDetail;
  values: Values;
  errors?: FieldErrors | undefined;
}

const DATE_HINT = 'case.action.dateHint' as const;

/** A date field of a step: a date picker that also takes 7.12.2026 typed; empty means today. */
export function DateField({
  ctx,
  name,
  label,
  values,
  errors,
}: Omit<FormProps, 'detail'> & { name: string; label: string }) {
  return (
    <TextField
      ctx={ctx}
      name={name}
      label={label}
      hint={ctx.t(DATE_HINT)}
      type="date"
      width="s"
      values={values}
      errors={errors}
    />
  );
}

function Section({ title, children }: { title: string; children: Child }) {
  return (
    <section class="mt-6 case-action">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function CaseActions(props: FormProps) {
  const { ctx } = props;
  const role = ctx.actor?.role;
  const parts: Child[] = [
    ...(role === 'coordinator' ? coordinatorActions(props) : []),
    ...(role === 'coordinator' || role === 'support' ? workerActions(props) : []),
  ];
  if (parts.length === 0) return null;
  return (
    <section class="mt-7">
      <h2>{ctx.t('case.actions')}</h2>
      {parts}
    </section>
  );
}

/** A step as a form of its own: a heading, the fields, and a button. */
function ActionForm({
  ctx,
  title,
  action,
  button,
  submit = title,
  children,
}: {
  ctx: PageContext;
  title: string;
  action: string;
  button: 'primary' | 'secondary' | 'warning';
  /** The button's text, when it is not the heading's. */
  submit?: string;
  children: Child;
}) {
  return (
    <Section title={title}>
      <Form ctx={ctx} action={action}>
        {children}
        <button type="submit" class={`button button-${button}`}>
          {submit}
        </button>
      </Form>
    </Section>
  );
}

/** The coordinator's steps: screening a referral, and assigning the support person of an open case. */
function coordinatorActions(props: FormProps): Child[] {
  const { ctx, detail } = props;
  const { t } = ctx;
  const base = `/forloeb/${detail.id}`;
  const open = detail.phase === 'lead_in' || detail.phase === 'active' || detail.phase === 'paused';
  const parts: Child[] = [];
  if (detail.phase === 'referred') {
    parts.push(
      <ActionForm
        ctx={ctx}
        title={t('case.action.startScreening')}
        action={`${base}/visitation`}
        button="primary"
      >
        <p>{t('case.action.startScreening.text')}</p>
      </ActionForm>,
    );
  }
  if (detail.phase === 'screening') parts.push(<ScreeningForm {...props} />);
  if (open) {
    parts.push(
      <Section title={t('case.action.assign')}>
        <p>
          <a class="button button-secondary" href={`${base}/stoetteperson`}>
            {detail.support.current ? t('case.action.changeSupport') : t('case.action.assign')}
          </a>
        </p>
      </Section>,
    );
  }
  return parts;
}

/** The steps of the coordinator and the support person: from the lead-in to the case's end. */
function workerActions(props: FormProps): Child[] {
  const { ctx, detail } = props;
  const { t } = ctx;
  const base = `/forloeb/${detail.id}`;
  const parts: Child[] = [];
  if (detail.phase === 'lead_in') {
    parts.push(<AcknowledgeForm {...props} />);
    if (detail.support.current && detail.conditions) {
      parts.push(
        <ActionForm ctx={ctx} title={t('case.action.activate')} action={`${base}/aktiver`} button="primary">
          <DateField {...props} name="activate.startDate" label={t('case.startDate')} />
        </ActionForm>,
      );
    }
  }
  const steps = (Object.keys(CASE_STEPS) as CaseStepKind[]).filter((kind) =>
    CASE_STEPS[kind].from.includes(detail.phase),
  );
  if (steps.length > 0) parts.push(<StepLinks ctx={ctx} caseId={detail.id} steps={steps} />);
  return parts;
}

/** The steps that end or halt the period: links to their pages, which say what will happen first. */
function StepLinks({ ctx, caseId, steps }: { ctx: PageContext; caseId: string; steps: CaseStepKind[] }) {
  const { t } = ctx;
  return (
    <Section title={t('confirm.section')}>
      <ul class="unstyled-list">
        {steps.map((kind) => (
          <li class="mb-4">
            <a
              class={`button ${kind === 'resume' ? 'button-primary' : 'button-secondary'}`}
              href={`/forloeb/${caseId}/${CASE_STEP_PATHS[kind]}`}
            >
              {t(CASE_STEPS[kind].title)}
            </a>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function ReasonField({ ctx, values, errors, name }: FormProps & { name: string }) {
  return (
    <TextField
      ctx={ctx}
      name={name}
      label={ctx.t('case.action.reason')}
      multiline
      values={values}
      errors={errors}
    />
  );
}

function ScreeningForm(props: FormProps) {
  const { ctx, detail, values, errors } = props;
  const { t } = ctx;
  return (
    <ActionForm
      ctx={ctx}
      title={t('case.action.screening')}
      action={`/forloeb/${detail.id}/visitation/afgoerelse`}
      button="primary"
      submit={t('case.action.saveDecision')}
    >
      <RadioGroup
        ctx={ctx}
        name="screening.decision"
        label={t('case.action.decision')}
        options={[
          { value: 'accept', label: t('case.action.accept') },
          { value: 'decline', label: t('case.action.decline') },
        ]}
        values={values}
        errors={errors}
      />
      <ReasonField {...props} name="screening.reason" />
      <DateField {...props} name="screening.date" label={t('case.action.decisionDate')} />
    </ActionForm>
  );
}

function AcknowledgeForm({ ctx, detail, values, errors }: FormProps) {
  const { t } = ctx;
  return (
    <Section title={t('case.action.acknowledge')}>
      <p>
        <a href={`/forloeb/${detail.id}/betingelser`}>{t('case.conditions.print')}</a>
      </p>
      <Form ctx={ctx} action={`/forloeb/${detail.id}/betingelser`}>
        <RadioGroup
          ctx={ctx}
          name="ack.method"
          label={t('case.action.ackMethod')}
          options={ACKNOWLEDGEMENT_METHODS.map((m) => ({
            value: m,
            label: t(ACKNOWLEDGEMENT_METHOD_LABELS[m]),
          }))}
          values={values}
          errors={errors}
        />
        <DateField
          ctx={ctx}
          name="ack.date"
          label={t('case.action.ackDate')}
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-primary">
          {t('case.action.acknowledge')}
        </button>
      </Form>
    </Section>
  );
}

export function Notes({ ctx, detail, notes, values, errors }: FormProps & { notes: NoteView[] }) {
  const { t, lang } = ctx;
  const open = detail.phase !== 'closed';
  return (
    <section class="mt-7">
      <h2>{t('case.notes')}</h2>
      {notes.length === 0 ? <p>{t('case.notes.none')}</p> : null}
      <ul class="unstyled-list">
        {notes.map((n) => (
          <li class="mb-5">
            <p class="mb-2">
              <strong>{formatDate(n.writtenOn, lang)}</strong> · {n.author.name}{' '}
              {n.internal ? <span class="badge badge-warning">{t('case.notes.internal')}</span> : null}
            </p>
            <p class="mt-0 note-body">{n.body}</p>
          </li>
        ))}
      </ul>
      {open ? (
        <Form ctx={ctx} action={`/forloeb/${detail.id}/noter`}>
          <h3>{t('case.notes.add')}</h3>
          <TextField
            ctx={ctx}
            name="note.body"
            label={t('case.notes.body')}
            multiline
            values={values}
            errors={errors}
          />
          <DateField
            ctx={ctx}
            name="note.writtenOn"
            label={t('case.notes.date')}
            values={values}
            errors={errors}
          />
          <Checkbox name="note.internal" label={t('case.notes.internalLabel')} values={values} />
          <button type="submit" class="button button-primary">
            {t('case.notes.save')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
