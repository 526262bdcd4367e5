import type { ColumnType, Generated } from 'kysely';

// Table types of migration 20261202120000_money.sql (vendors, purchase requests, attachments, payment
// batches, the ledger), kept by hand beside it and joined into `Database` in schema.ts. Same conventions
// as schema-cases.ts: bigint as a checked JS number, a date as its ISO string, timestamptz as Date.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type NullableCalendarDate = ColumnType<string | null, string | null, string | null>;
type CalendarDateColumn = ColumnType<string, string, string>;

export interface VendorTable {
  id: Generated<string>;
  municipality_id: number;
  name: string;
  cvr: string | null;
  bank_registration: string | null;
  bank_account: string | null;
  iban: string | null;
  ean: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** The redemption PIN's keyed hash (vouchers); null until finance issues one. */
  redemption_pin_hash: ColumnType<string | null, string | null | undefined, string | null>;
  redemption_pin_set_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Migration 20261208110000_vendor_proposals.sql: proposed by a support person, decided by finance. */
  status: ColumnType<string, string | undefined, string>;
  pays_by_card: ColumnType<boolean, boolean | undefined, boolean>;
  proposed_by: ColumnType<string | null, string | null | undefined, string | null>;
  proposed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  rejection_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PurchaseRequestTable {
  id: Generated<string>;
  municipality_id: number;
  case_id: string;
  request_number: number;
  status: string;
  title: string;
  purpose: string;
  sub_goal_id: string | null;
  category: string;
  justification: string | null;
  amount_ore: number;
  vendor_id: string | null;
  payment_method: string;
  links: string;
  citizen_confirmed_on: NullableCalendarDate;
  citizen_confirmed_how: string | null;
  created_by: string;
  created_at: Timestamp;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  rejection_reason: string | null;
  cancelled_by: string | null;
  cancelled_at: NullableTimestamp;
  cancellation_reason: string | null;
  updated_at: Timestamp;
  /** The citizen's "no" in the portal (migration 20261208110000_vendor_proposals.sql). */
  citizen_declined_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  citizen_decline_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PurchaseAttachmentTable {
  id: Generated<string>;
  municipality_id: number;
  purchase_request_id: string;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  /** Null for a receipt a shop uploaded when it redeemed a voucher (`uploaded_by_vendor_id`). */
  uploaded_by: string | null;
  uploaded_by_vendor_id: ColumnType<string | null, string | null | undefined, never>;
  uploaded_at: Timestamp;
}

export interface PaymentBatchTable {
  id: Generated<string>;
  municipality_id: number;
  message_id: string;
  execution_date: CalendarDateColumn;
  status: Generated<string>;
  total_ore: number;
  payment_count: number;
  created_by: string;
  created_at: Timestamp;
  sent_by: string | null;
  sent_at: NullableTimestamp;
}

export interface PaymentBatchItemTable {
  batch_id: string;
  municipality_id: number;
  purchase_request_id: string;
  end_to_end_id: string;
}

export interface LedgerEntryTable {
  id: Generated<number>;
  municipality_id: number;
  case_id: string;
  programme_id: string;
  kind: string;
  amount_ore: number;
  settles_ore: Generated<number>;
  purchase_request_id: string | null;
  payment_method: string | null;
  paid_on: NullableCalendarDate;
  reference: string | null;
  payment_batch_id: string | null;
  note: string | null;
  posted_by: string | null;
  posted_at: Timestamp;
}

/** Migration 20261207120000_vouchers.sql. */
export interface VoucherTable {
  id: Generated<string>;
  municipality_id: number;
  purchase_request_id: string;
  case_id: string;
  code: string;
  vendor_id: string | null;
  max_amount_ore: number;
  expires_on: CalendarDateColumn;
  status: Generated<string>;
  issued_at: Timestamp;
  redeemed_at: NullableTimestamp;
  redeemed_by_vendor_id: ColumnType<string | null, string | null | undefined, string | null>;
  redeemed_amount_ore: ColumnType<number | null, number | null | undefined, number | null>;
  receipt_number: ColumnType<string | null, string | null | undefined, string | null>;
  redemption_reference: ColumnType<string | null, string | null | undefined, string | null>;
  redemption_key: ColumnType<string | null, string | null | undefined, string | null>;
  ended_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface OutboxMessageTable {
  id: Generated<string>;
  municipality_id: number;
  channel: string;
  recipient: string;
  body: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}
