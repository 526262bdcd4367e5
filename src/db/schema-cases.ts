import type { ColumnType, Generated } from 'kysely';

// Table types of migration 20261123130000_cases.sql (citizens, cases, plans, notes), kept by hand
// beside it and joined into `Database` in schema.ts. Same conventions: bigint as a checked JS number,
// a date as its ISO string, timestamptz as Date, jsonb written as a JSON string.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type CalendarDateColumn = ColumnType<string, string, string>;
type NullableCalendarDate = ColumnType<string | null, string | null, string | null>;
type TextArray = ColumnType<string[], string[], string[]>;
type Json<T> = ColumnType<T, string, string>;

export interface CitizenTable {
  id: Generated<string>;
  municipality_id: number;
  /** Null once the citizen is anonymised (spec: Retention). */
  cpr_encrypted: string | null;
  cpr_hash: string | null;
  birth_date: CalendarDateColumn;
  legal_gender: string;
  name: string;
  phone: string | null;
  email: string | null;
  preferred_language: string;
  user_id: string | null;
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CaseCounterTable {
  municipality_id: number;
  last_number: number;
}

export interface CitizenCaseTable {
  id: Generated<string>;
  municipality_id: number;
  case_number: number;
  programme_id: string;
  citizen_id: string;
  phase: string;
  referral_source: string;
  referral_reason: string;
  referred_on: CalendarDateColumn;
  lead_in_started_on: NullableCalendarDate;
  start_date: NullableCalendarDate;
  duration_months: number | null;
  close_outcome: string | null;
  closed_on: NullableCalendarDate;
  close_reason: string | null;
  baseline_consent: Generated<boolean>;
  target_groups: ColumnType<string[], string[] | undefined, string[]>;
  income_source: string | null;
  highest_education: string | null;
  dream: Generated<string>;
  legal_hold_reason: ColumnType<string | null, string | null | undefined, string | null>;
  legal_hold_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  restriction_reason: ColumnType<string | null, string | null | undefined, string | null>;
  restricted_since: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DataSubjectRequestTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  kind: 'access' | 'restriction' | 'restriction_lifted' | 'erasure';
  note: string | null;
  handled_at: Timestamp;
  handled_by: string | null;
}

export interface CaseEventTable {
  id: Generated<number>;
  municipality_id: number;
  case_id: string;
  occurred_at: Timestamp;
  event_date: NullableCalendarDate;
  type: string;
  actor_user_id: string | null;
  actor_role: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>> | null;
}

export interface CasePauseTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  from_date: CalendarDateColumn;
  to_date: NullableCalendarDate;
  reason: string;
  created_at: GeneratedTimestamp;
}

export interface SupportAssignmentTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  support_user_id: string;
  coordinator_user_id: string | null;
  valid_from: CalendarDateColumn;
  valid_to: NullableCalendarDate;
  reason: string | null;
  assigned_by: string;
  assigned_at: Timestamp;
  ended_at: NullableTimestamp;
}

export interface ConditionsAcknowledgementTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  acknowledged_on: CalendarDateColumn;
  method: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface LongTermGoalTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  description: string;
  categories: TextArray;
  position: number;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SubGoalTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  long_term_goal_id: string | null;
  description: string;
  status: Generated<string>;
  position: number;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PlannedActivityTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  sub_goal_id: string;
  description: string;
  estimated_cost_ore: number | null;
  expense_category: string | null;
  position: number;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface IdeaTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  text: string;
  status: Generated<string>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PlanRevisionTable {
  id: Generated<number>;
  municipality_id: number;
  case_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  entity_type: string;
  entity_id: string | null;
  change: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface FollowUpNoteTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  written_on: CalendarDateColumn;
  body: string;
  internal: Generated<boolean>;
  author_user_id: string;
  created_at: GeneratedTimestamp;
}
