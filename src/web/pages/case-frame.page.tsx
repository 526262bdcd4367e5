import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../domain/errors.ts';
import { ErrorSummary } from '../components/form.tsx';
import { Layout } from '../components/layout.tsx';
import type { PageContext } from '../context.ts';

/**
 * A page of its own under a case (the support person, the intake baseline, a questionnaire): the way
 * back to the case, the error summary, then the page, in a column of readable width.
 */
export function CaseFrame({
  ctx,
  title,
  back,
  caseNumber,
  citizenName,
  errors,
  children,
}: {
  ctx: PageContext;
  title: string;
  /** The case page's address (with an anchor where the way back should land). */
  back: string;
  caseNumber: number | string;
  citizenName: string;
  errors: FieldErrors | undefined;
  children: Child;
}) {
  const { t, actor } = ctx;
  return (
    <Layout ctx={ctx} title={title} authority={actor?.municipalityName} hasErrors={!!errors}>
      <div class="row">
        <div class="col-12 col-lg-8">
          <p>
            <a href={back}>{t('case.title', { number: caseNumber, name: citizenName })}</a>
          </p>
          <ErrorSummary ctx={ctx} errors={errors} />
          {children}
        </div>
      </div>
    </Layout>
  );
}
