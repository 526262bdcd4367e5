import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { selectOne } from '../db/repositories/system.repository.ts';
import { createApiTokenService } from './access/api-token.service.ts';
import { createAttachmentService } from './money/attachment.service.ts';
import { createBackupService } from './backup/backup.service.ts';
import { createAuthService } from './access/auth.service.ts';
import { createBudgetService } from './money/budget.service.ts';
import { createVendorProposalService } from './money/vendor-proposal.service.ts';
import { createCaseService } from './cases/case.service.ts';
import { createCitizenService } from './cases/citizen.service.ts';
import { createCitizenLoginService } from './access/citizen-login.service.ts';
import { createOidcService } from './access/oidc.ts';
import { createCitizenMitIdService } from './access/citizen-mitid.service.ts';
import { createCommandService } from './command.service.ts';
import { createCprRotationService } from './privacy/cpr-rotation.service.ts';
import { verifyAuditChains } from './audit.service.ts';
import { systemClock, type Clock, type ServiceDeps } from './context.ts';
import { createDemoService } from './demo/demo.service.ts';
import { createImportHistoryService } from './import/import-history.service.ts';
import { createImportService } from './import/import.service.ts';
import { createLedgerCheckService } from './money/ledger-check.service.ts';
import { createNoteService } from './cases/note.service.ts';
import { createOverviewService } from './cases/overview.service.ts';
import { createPaymentFileService } from './money/payment-file.service.ts';
import { createPaymentService } from './money/payment.service.ts';
import { createPlanService } from './cases/plan.service.ts';
import { createPortalService } from './portal/portal.service.ts';
import { createPersonalDataService } from './portal/personal-data.service.ts';
import { createPortalAccessLogService } from './portal/portal-access-log.service.ts';
import { createPrivacyNoticeService } from './privacy/privacy-notice.service.ts';
import { createDataSubjectService } from './privacy/data-subject.service.ts';
import { createRetentionService } from './privacy/retention.service.ts';
import { createProgrammeService } from './cases/programme.service.ts';
import { createPurchaseService } from './money/purchase.service.ts';
import { createVoucherService } from './money/voucher.service.ts';
import { createReportService } from './evaluation/report.service.ts';
import { createQuestionnaireService } from './evaluation/questionnaire.service.ts';
import { createUserService } from './access/user.service.ts';
import { createSecondFactorService } from './access/second-factor.service.ts';
import { createStaffSsoService } from './access/staff-sso.service.ts';
import { createMailService } from './mail/mail.service.ts';
import { createWorkService, listWorkFor } from './work/work.service.ts';

// The services, wired once over one database. Adapters (http, web, cli) get this object and never the
// database itself.

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  secrets: ServiceDeps['secrets'];
  production: boolean;
  clock?: Clock;
  /** A migrated PGlite data folder to start from (tests). */
  loadDataDir?: Blob;
  idempotencyKeyHours?: number;
  /** Told when PostgreSQL drops an idle connection (the app carries on with a new one). */
  onIdleError?: (error: Error) => void;
}

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: ServiceDeps) {
  const { database } = deps;
  return {
    auth: createAuthService(deps),
    apiTokens: createApiTokenService(deps),
    users: createUserService(deps),
    /** The second factor of local staff accounts (spec: Staff log-in). */
    secondFactor: createSecondFactorService(deps),
    /** The municipality's own log-in for staff: settings, group→role mapping, sign-in, issuer logout. */
    staffSso: createStaffSsoService(deps),
    programmes: createProgrammeService(deps),
    commands: createCommandService(deps),
    demo: createDemoService(deps),
    overview: createOverviewService(deps),
    citizens: createCitizenService(deps),
    citizenLogin: createCitizenLoginService(deps),
    /** The OpenID Connect relying parties (MitID through a NemLog-in broker; the municipalities' log-in). */
    oidc: createOidcService(deps),
    /** The citizen's log-in with MitID: verified claims to a session (spec: Citizen log-in). */
    citizenMitId: createCitizenMitIdService(deps),
    cases: createCaseService(deps),
    plans: createPlanService(deps),
    notes: createNoteService(deps),
    budgets: createBudgetService(deps),
    /** Vendors proposed by support persons and decided by finance (spec: Vendors). */
    vendorProposals: createVendorProposalService(deps),
    purchases: createPurchaseService(deps),
    payments: { ...createPaymentService(deps), ...createPaymentFileService(deps) },
    attachments: createAttachmentService(deps),
    vouchers: createVoucherService(deps),
    reports: createReportService(deps),
    questionnaires: createQuestionnaireService(deps),
    imports: createImportService(deps),
    importHistory: createImportHistoryService(deps),
    portal: createPortalService(deps),
    personalData: createPersonalDataService(deps),
    portalAccessLog: createPortalAccessLogService(deps),
    /** The running app's daily backup into BACKUP_DIR (the command line's backup opens the database itself). */
    backups: createBackupService(deps),
    /** The CPR keys: `rotate-cpr-key` and its `--check` (the operator's, over all municipalities). */
    cprKeys: createCprRotationService(deps),
    privacy: createPrivacyNoticeService(deps),
    /** Closed cases anonymised after the programme's retention period; the legal hold (spec: Retention). */
    retention: createRetentionService(deps),
    /** The citizen's requests on a case: full copy, restriction, erasure (spec: Data-subject requests). */
    dataSubject: createDataSubjectService(deps),
    /** E-mail notifications of what waits: the choice, the outbox, the digest and the sender. */
    mail: createMailService(deps, listWorkFor),
    /** What waits for each staff user (spec: Work lists). */
    work: createWorkService(deps),
    system: {
      databaseKind: database.kind,
      /** Readiness: the database answers. */
      async ping(): Promise<boolean> {
        try {
          await selectOne(database);
          return true;
        } catch {
          return false;
        }
      },
      verifyAuditChains: () => verifyAuditChains(database),
      /** `check-ledger`: every case's books re-derived in SQL and by the domain, across municipalities. */
      checkLedger: createLedgerCheckService(deps).check,
      /** The migrations applied when the database was opened. */
      appliedMigrations: database.appliedMigrations,
      close: () => database.close(),
    },
  };
}

export async function openServices(options: OpenOptions): Promise<Services> {
  const database: DatabaseHandle = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    onIdleError: options.onIdleError,
  });
  return createServices({
    database,
    clock: options.clock ?? systemClock,
    secrets: options.secrets,
    production: options.production,
    ...(options.idempotencyKeyHours ? { idempotencyKeyHours: options.idempotencyKeyHours } : {}),
  });
}
