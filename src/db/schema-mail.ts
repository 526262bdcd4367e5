import type { ColumnType, Generated } from 'kysely';

// Table types of migration 20261208100000_mail.sql (the mail outbox and what each user was last told),
// kept by hand beside it and joined into `Database` in schema.ts.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;

export type NotifyChoice = 'digest' | 'immediate' | 'none';
export type MailKind = 'digest' | 'new';

export interface MailOutboxTable {
  id: Generated<string>;
  municipality_id: number;
  recipient_user_id: string;
  recipient: string;
  subject: string;
  body: string;
  kind: MailKind;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
}

export interface MailNotifiedTable {
  user_id: string;
  municipality_id: number;
  key_hashes: ColumnType<string[], string[], string[]>;
  /** Each kind's count, as JSON text when written. */
  counts: ColumnType<Record<string, number>, string, string>;
  updated_at: Timestamp;
}
