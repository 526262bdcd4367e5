// The orders a staff list can be shown in (spec: Lists): codes in the address (`?sorter=navn`) and the
// API (`sort=navn`), the first of each being the list's default.

/** The case lists: by case number, the citizen's name, the phase, or the latest referral first. */
export const CASE_SORTS = ['nummer', 'navn', 'fase', 'henvist'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The staff users: by name, e-mail address, role, or the newest first. */
export const USER_SORTS = ['navn', 'email', 'rolle', 'oprettet'] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** The API keys: the newest first, by name, or by when they expire. */
export const TOKEN_SORTS = ['oprettet', 'navn', 'udloeber'] as const;
export type TokenSort = (typeof TOKEN_SORTS)[number];

/** The vendors: by name or CVR number. */
export const VENDOR_SORTS = ['navn', 'cvr'] as const;
export type VendorSort = (typeof VENDOR_SORTS)[number];

/** Finance's payment queue: oldest approval first, by case and request number, or largest amount first. */
export const PAYMENT_QUEUE_SORTS = ['godkendt', 'nummer', 'beloeb'] as const;
export type PaymentQueueSort = (typeof PAYMENT_QUEUE_SORTS)[number];
/** Where a request in the queue is: in no payment file, in one not yet sent, or in one sent. */
export const QUEUE_FILE_STATES = ['none', 'created', 'sent'] as const;
export type QueueFileState = (typeof QUEUE_FILE_STATES)[number];
/** Payments and refunds posted: by payment date, newest first, or largest amount first. */
export const POSTING_SORTS = ['dato', 'nyeste', 'beloeb'] as const;
export type PostingSort = (typeof POSTING_SORTS)[number];

/** The import history: the newest import first, or the oldest. */
export const IMPORT_RUN_SORTS = ['nyeste', 'aeldste'] as const;
export type ImportRunSort = (typeof IMPORT_RUN_SORTS)[number];
