import type { Translate } from '../i18n/index.ts';
import type { RetentionPlan } from '../services/privacy/retention.service.ts';
import type { Services } from '../services/index.ts';

// `borgerbudget retention` (spec: Retention; operations: Retention).
//
//   --dry-run          what would be anonymised and when, changing nothing: one line per closed case
//                      that still holds personal data, across all municipalities.
//   --dry-run --json   the same as one JSON object (formats: Retention plan JSON): case numbers, dates
//                      and flags, never a name, a CPR number or a hold's reason.
//   (no flag)          anonymises the due cases now, whatever the daily job did, and prints the count;
//                      exit code 1 when a case could not be anonymised.
//
// Bad arguments: the usage on standard error, exit code 2, before the database is opened.

/** The dry run's JSON: a stable shape (formats: Retention plan JSON). */
function retentionPlanJson(plan: RetentionPlan) {
  return {
    asOf: plan.asOf,
    cases: plan.cases.map((c) => ({
      municipality: String(c.municipalityId),
      caseNumber: c.caseNumber,
      closedOn: c.closedOn,
      anonymiseOn: c.anonymiseOn,
      due: c.due,
      legalHold: c.legalHold !== null,
      restricted: c.restricted,
    })),
  };
}

export async function retentionCommand(
  args: readonly string[],
  t: Translate,
  withServices: (fn: (services: Services) => Promise<number>) => Promise<number>,
): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const json = args.includes('--json');
  const unknown = args.find((a) => a !== '--dry-run' && a !== '--json');
  if (unknown !== undefined || (json && !dryRun)) {
    const said =
      unknown !== undefined
        ? t('cli.report.unknownArgument', { argument: unknown })
        : t('cli.retention.jsonNeedsDryRun');
    console.error(`${said}\n${t('cli.retention.usage')}`);
    return 2;
  }
  return withServices(async (services) => {
    if (dryRun) {
      const plan = await services.retention.plan();
      const out = json ? `${JSON.stringify(retentionPlanJson(plan), null, 2)}\n` : planText(plan, t);
      // Wait until a pipe has taken it all: the command exits right after.
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(out, (error) => (error ? reject(error) : resolve())),
      );
      return 0;
    }
    const run = await services.retention.runNow();
    if (!run.ran) {
      console.error(t('cli.retention.busy'));
      return 1;
    }
    console.log(t('cli.retention.done', { count: run.anonymised }));
    if (run.failed > 0) {
      console.error(t('cli.retention.failed', { count: run.failed }));
      return 1;
    }
    return 0;
  });
}

function planText(plan: RetentionPlan, t: Translate): string {
  const lines = [t('cli.retention.plan', { count: plan.cases.length, date: plan.asOf })];
  for (const c of plan.cases) {
    const state = c.legalHold
      ? t('cli.retention.state.held')
      : c.restricted
        ? t('cli.retention.state.restricted')
        : c.due
          ? t('cli.retention.state.due')
          : '';
    lines.push(
      `  ${t('cli.retention.line', {
        municipality: c.municipalityId,
        caseNumber: c.caseNumber,
        closedOn: c.closedOn,
        anonymiseOn: c.anonymiseOn,
      })}${state}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
