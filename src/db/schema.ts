import type { ColumnType, Generated } from 'kysely';
import type {
  AssuranceLevel,
  ChangeAssuranceLevel,
  CitizenSignInWays,
  SessionMethod,
} from '../domain/sign-in.ts';
import type { MunicipalStaffRole } from '../domain/roles.ts';
import type {
  CaseCounterTable,
  CaseEventTable,
  CasePauseTable,
  CitizenCaseTable,
  CitizenTable,
  ConditionsAcknowledgementTable,
  FollowUpNoteTable,
  IdeaTable,
  LongTermGoalTable,
  PlannedActivityTable,
  PlanRevisionTable,
  SubGoalTable,
  SupportAssignmentTable,
  DataSubjectRequestTable,
} from './schema-cases.ts';
import type {
  LedgerEntryTable,
  PaymentBatchItemTable,
  PaymentBatchTable,
  PurchaseAttachmentTable,
  PurchaseRequestTable,
  VendorTable,
  VoucherTable,
  OutboxMessageTable,
} from './schema-money.ts';
import type { QuestionnaireResponseTable } from './schema-questionnaires.ts';
import type { ImportedCaseTable, ImportRunTable } from './schema-import.ts';
import type { CaseReportFactTable } from './schema-report.ts';
import type { MailNotifiedTable, MailOutboxTable, NotifyChoice } from './schema-mail.ts';

// Table types for Kysely, kept by hand beside the migrations. bigint columns arrive as JS numbers
// (checked to be safe integers by the drivers); dates as ISO strings; timestamptz as Date.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// Nullable timestamps must be typed as a whole, or Kysely cannot tell the select type apart.
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type CalendarDateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface MunicipalityTable {
  id: number;
  name: string;
  bank_registration: string | null;
  bank_account: string | null;
  iban: string | null;
  created_at: GeneratedTimestamp;
}

export interface ProgrammeTable {
  id: Generated<string>;
  municipality_id: number;
  name: string;
  target_group: Generated<string>;
  period_start: CalendarDateColumn | null;
  period_end: CalendarDateColumn | null;
  pool_ore: Generated<number>;
  max_grant_ore: Generated<number>;
  duration_months: Generated<number>;
  max_lead_in_months: Generated<number>;
  citizen_sees_amount: Generated<boolean>;
  unused_funds: Generated<string>;
  direct_transfer_enabled: Generated<boolean>;
  direct_transfer_max_per_ore: Generated<number>;
  direct_transfer_max_total_ore: Generated<number>;
  single_approval_limit_ore: Generated<number>;
  receipts_required: Generated<boolean>;
  account_string: Generated<string>;
  category_rules: Json<unknown>;
  voucher_enabled: Generated<boolean>;
  voucher_any_vendor: Generated<boolean>;
  retention_months: Generated<number>;
  legal_basis: Generated<'public_task' | 'consent'>;
  privacy_contact: ColumnType<string | null, string | null | undefined, string | null>;
  change_assurance: Generated<ChangeAssuranceLevel>;
  citizen_sign_in: Generated<CitizenSignInWays>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  municipality_id: number | null;
  /** null only for a citizen who logs in by mobile number (or has not activated their log-in yet). */
  email: string | null;
  /** A citizen's log-in by mobile number, normalised (domain/phone.ts); null for staff. */
  phone: string | null;
  name: string;
  role: string;
  password_hash: string | null;
  active: Generated<boolean>;
  reset_code_hash: string | null;
  reset_code_expires_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  deactivated_at: NullableTimestamp;
  notify: Generated<NotifyChoice>;
  notify_lang: Generated<'da' | 'en'>;
  /** A user of the municipality's own log-in (spec: Staff log-in with the municipality's log-in): `iss`. */
  external_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  /** Their `sub` at that issuer; with the issuer, unique. */
  external_subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** Their groups at their last log-in, so a change of the mapping applies at once. */
  external_groups: ColumnType<string[] | null, string | null | undefined, string | null>;
  /** Deactivated because the mapping gave them no role; a log-in with a role makes them active again. */
  external_role_lost: Generated<boolean>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  municipality_id: number | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: NullableTimestamp;
  method: SessionMethod;
  assurance: AssuranceLevel;
  /** The issuer's session id (OpenID Connect `sid`), for its back-channel logout. */
  issuer_session: string | null;
}

export interface MunicipalitySsoTable {
  municipality_id: number;
  enabled: Generated<boolean>;
  /** The value of the staff issuer's municipality claim that says a log-in is this municipality's. */
  claim_value: string | null;
  updated_at: Timestamp;
}

export interface SsoGroupRoleTable {
  municipality_id: number;
  group_name: string;
  role: MunicipalStaffRole;
  created_at: Timestamp;
}

/** A staff user's authenticator app (spec: Staff log-in): the encrypted secret, confirmed or being set up. */
export interface UserTotpTable {
  user_id: string;
  municipality_id: number | null;
  secret: string;
  created_at: Timestamp;
  confirmed_at: NullableTimestamp;
  /** The last time step whose code was accepted (never accepted again). */
  last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UserTotpRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  municipality_id: number | null;
  used_at: NullableTimestamp;
}

/** A log-in between the right password and its second step (five minutes, used once). */
export interface PendingSignInTable {
  token_hash: string;
  user_id: string;
  municipality_id: number | null;
  purpose: 'code' | 'enrol';
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  key_hash: string;
  failures: number;
  last_failure_at: Timestamp;
}

/** A started OpenID Connect sign-in, until the issuer sends the browser back (used once, ten minutes). */
export interface OidcSignInTable {
  state_hash: string;
  browser_hash: string;
  issuer: 'citizen' | 'staff';
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  municipality_id: number | null;
  fingerprint: string;
  response_status: number | null;
  response_headers: Json<Record<string, string>> | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface AuditChainHeadTable {
  chain: number;
  municipality_id: number | null;
  seq: number;
  hash: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  chain: number;
  municipality_id: number | null;
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AccessLogTable {
  id: Generated<number>;
  municipality_id: number;
  occurred_at: Timestamp;
  /** Null for a shop that redeemed the citizen's voucher (`vendor_id`). */
  user_id: string | null;
  vendor_id: ColumnType<string | null, string | null | undefined, never>;
  user_role: string;
  subject_type: string;
  subject_id: string;
  purpose: string;
  request_id: string | null;
  citizen_id: string | null;
  case_id: string | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  municipality_id: number;
  user_id: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  expires_at: Timestamp;
}

export interface Database {
  api_token: ApiTokenTable;
  municipality: MunicipalityTable;
  programme: ProgrammeTable;
  app_user: AppUserTable;
  user_session: SessionTable;
  municipality_sso: MunicipalitySsoTable;
  sso_group_role: SsoGroupRoleTable;
  login_throttle: LoginThrottleTable;
  user_totp: UserTotpTable;
  user_totp_recovery_code: UserTotpRecoveryCodeTable;
  pending_sign_in: PendingSignInTable;
  oidc_sign_in: OidcSignInTable;
  idempotency_key: IdempotencyKeyTable;
  audit_chain_head: AuditChainHeadTable;
  audit_event: AuditEventTable;
  access_log: AccessLogTable;
  citizen: CitizenTable;
  case_counter: CaseCounterTable;
  citizen_case: CitizenCaseTable;
  case_event: CaseEventTable;
  case_pause: CasePauseTable;
  support_assignment: SupportAssignmentTable;
  conditions_acknowledgement: ConditionsAcknowledgementTable;
  long_term_goal: LongTermGoalTable;
  sub_goal: SubGoalTable;
  planned_activity: PlannedActivityTable;
  idea: IdeaTable;
  plan_revision: PlanRevisionTable;
  follow_up_note: FollowUpNoteTable;
  vendor: VendorTable;
  purchase_request: PurchaseRequestTable;
  purchase_attachment: PurchaseAttachmentTable;
  payment_batch: PaymentBatchTable;
  payment_batch_item: PaymentBatchItemTable;
  ledger_entry: LedgerEntryTable;
  voucher: VoucherTable;
  outbox_message: OutboxMessageTable;
  questionnaire_response: QuestionnaireResponseTable;
  imported_case: ImportedCaseTable;
  import_run: ImportRunTable;
  case_report_fact: CaseReportFactTable;
  data_subject_request: DataSubjectRequestTable;
  scheduled_job: ScheduledJobTable;
  mail_outbox: MailOutboxTable;
  mail_notified: MailNotifiedTable;
}

export interface ScheduledJobTable {
  name: string;
  last_run_at: Timestamp;
}
