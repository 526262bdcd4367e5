import type { cliDa } from './cli.da.ts';

// The command line's words in English, when the locale says English (spread into en.ts).
export const cliEn: Record<keyof typeof cliDa, string> = {
  'cli.usage': `Usage: borgerbudget <command>

  start          migrate, load demo data into an empty database (not in production), serve
  serve          serve the web app and API
  migrate        apply pending database migrations
  demo           load the demo municipalities, programmes and users (idempotent; not in production);
                 --scale national|municipality [--cases N] [--seed S]: generated data in an empty database
  create-admin   create a municipality's first administrator: --municipality CODE --email E --name N
  check          verify the audit log's hash chains (exit 1 at the first broken link)
  check-ledger   re-derive every case's budget from the ledger and check the invariants (exit 1 on any finding)
  bench          speed and memory figures against their targets, on throw-away databases: [--json] [--scale …] [--only …]
  report         the evaluation report: --format json|csv [--municipality CODE] [--anonymise] [--figure KEY]
  import         import existing programme data, all or nothing: --dir FOLDER (cases.csv, answers.csv, payments.csv)
  retention      anonymise the closed cases whose time has come; --dry-run [--json] only shows what and when
  backup         an encrypted, compressed copy of the whole database: --out FILE (with BACKUP_PASSPHRASE;
                 PostgreSQL while the app runs, the embedded database while it is stopped – or BACKUP_DIR)
  restore        load a copy into an empty DATA_DIR or an empty database: restore FILE (with BACKUP_PASSPHRASE)
  rotate-cpr-key re-encrypt the CPR numbers under the first key of CPR_ENCRYPTION_KEYS, in batches, while the app runs:
                 [--batch-size N]; --check only counts the CPR numbers per key (exit 1 when any is under another)

Configuration comes from environment variables; see README.md. The command speaks Danish, or English
when LANG (or LC_ALL, LC_MESSAGES) starts with "en".`,
  'cli.unknownCommand': 'Unknown command "{command}".',
  'cli.migrate.applied': 'Applied {count} migrations:',
  'cli.migrate.upToDate': 'Migrations are up to date.',
  'cli.start.loadingDemo': 'The database is empty: loading demo data …',
  'cli.start.running': 'Borgerbudget is running at {url}  (ready in {ms} ms, database: {database})',
  'cli.demo.logins': 'Demo logins (password for all: {password}):',
  'cli.demo.shop': 'Shop         redeems vouchers at /indloes: {name} – {municipality}, PIN {pin}',
  'cli.admin.created': 'Created administrator {email} for municipality {municipality}.',
  'cli.admin.code': 'One-time code (shown once; valid 3 days; use it at /adgangskode): {code}',
  'cli.check.intact': 'Audit log intact: {events} events in {chains} chains.',
  'cli.check.broken': 'Audit log broken: chain {chain} ({owner}), event {seq}: {reason}.',
  'cli.check.owner.municipality': 'municipality {municipality}',
  'cli.check.owner.national': 'national',
  'cli.check.reason.missingEvent': 'event {seq} is missing',
  'cli.check.reason.linkMismatch': 'its link to the previous event does not match',
  'cli.check.reason.contentChanged': 'its content was changed after it was written',
  'cli.check.reason.chainShort':
    'the chain ends at event {last} but its head says {head}: events are missing',
  'cli.ledger.ok': 'The books balance: {cases} cases, {postings} postings and {programmes} pools checked.',
  'cli.ledger.failed': 'The books do not balance. Findings: {count}.',
  'cli.ledger.where.case': 'Case {number} ({municipality})',
  'cli.ledger.where.programme': 'Programme "{programme}" ({municipality})',
  'cli.ledger.where.request': 'Case {number} ({municipality}), request {request}',
  'cli.ledger.differs': '{field} is {stored} in the database but {derived} from the postings',
  'cli.ledger.field.granted': 'granted',
  'cli.ledger.field.returned': 'returned to the pool',
  'cli.ledger.field.reserved': 'reserved',
  'cli.ledger.field.paid': 'paid',
  'cli.ledger.field.refunded': 'refunded',
  'cli.ledger.field.available': 'available',
  'cli.ledger.postingCount': '{stored} postings in the database, but {read} read',
  'cli.ledger.overspent':
    'overspent: reserved {reserved} + paid {paid} − refunded {refunded} is more than granted {granted} − returned {returned} (available {available})',
  'cli.ledger.brokeRule': 'posting no. {number} broke the rule {rule}: {what}',
  'cli.ledger.poolExceeded': 'granted in all {held} (grants − returns) is more than the pool {pool}',
  'cli.ledger.paidTwice': 'paid {count} times',
  'cli.ledger.paymentWithStatus': 'has a payment, but its status is {status}',
  'cli.ledger.reservationWithStatus': 'has a reservation, but its status is {status}',
  'cli.import.usage': 'Usage: borgerbudget import --dir FOLDER',
  'cli.import.noFolder': 'The folder "{dir}" does not exist or cannot be read.',
  'cli.import.noFiles':
    'Nothing was imported: the folder "{dir}" has none of the files cases.csv, answers.csv and payments.csv.',
  'cli.import.failed': 'Nothing was imported. Errors found: {count}.',
  'cli.import.done': 'Imported: {cases} cases, {answers} answers, {payments} payments.',
  'cli.import.doneDetail': '({questionnaires} questionnaires; {seconds} s)',
  'cli.rotate.usage': 'Usage: borgerbudget rotate-cpr-key [--check] [--batch-size N]',
  'cli.rotate.batchSize': '--batch-size must be a whole number from 1 to 10000, not "{value}".',
  'cli.rotate.start':
    'Re-encrypting the CPR numbers under the first key of CPR_ENCRYPTION_KEYS, {keyId}, {size} at a time …',
  'cli.rotate.progress': '  {reencrypted} re-encrypted after batch {batches}',
  'cli.rotate.done': 'Re-encrypted: {reencrypted} CPR numbers (batches: {batches}).',
  'cli.rotate.noneLeft':
    'No value under an old key is left: the old keys can be removed from CPR_ENCRYPTION_KEYS.',
  'cli.rotate.left': 'Still not under the first key: {left}. Keep the old keys in CPR_ENCRYPTION_KEYS.',
  'cli.rotate.unknownKey': '  citizen {citizen}: encrypted under the key {keyId}, which is not configured',
  'cli.rotate.unreadable':
    '  citizen {citizen}: none of the configured keys can read the CPR number (another key, or damaged data)',
  'cli.rotate.skipped':
    '{count} were in use by other work during the run, or were written by a process that does not have the new key yet: make sure every process runs with the new CPR_ENCRYPTION_KEYS, then run the command again.',
  'cli.rotate.check.title': 'CPR numbers by key (the first key is {keyId}):',
  'cli.rotate.check.first': '  {keyId} (the first key): {count}',
  'cli.rotate.check.older': '  {keyId} (an older key): {count}',
  'cli.rotate.check.unknown': '  {keyId} (not configured, so they cannot be read): {count}',
  'cli.rotate.check.beforeKeyIds': '  v1, from before key ids (read by trying each key): {count}',
  'cli.rotate.check.clean': 'Every CPR number is under the first key.',
  'cli.rotate.check.pending':
    '{count} CPR numbers are not under the first key: run borgerbudget rotate-cpr-key.',
  'cli.retention.usage': 'Usage: borgerbudget retention [--dry-run [--json]]',
  'cli.retention.jsonNeedsDryRun': '--json goes with --dry-run.',
  'cli.retention.plan': 'Closed cases with personal data on {date}: {count}.',
  'cli.retention.line':
    'municipality {municipality}, case {caseNumber}: closed {closedOn}, anonymised {anonymiseOn}',
  'cli.retention.state.due': ' (now)',
  'cli.retention.state.held': ' (stopped)',
  'cli.retention.state.restricted': " (restricted at the citizen's request)",
  'cli.retention.done': 'Anonymised now: {count} closed cases.',
  'cli.retention.failed': '{count} cases could not be anonymised; they are tried again at the next run.',
  'cli.retention.busy': 'Another process is starting the anonymisation right now. Try again in a moment.',
  'cli.report.usage':
    'Usage: borgerbudget report --format json|csv [--municipality CODE] [--anonymise] [--figure KEY]',
  'cli.report.needsValue': '{flag} needs a value.',
  'cli.report.unknownArgument': 'Unknown argument "{argument}".',
  'cli.report.formatRequired': '--format json|csv is required.',
  'cli.report.formatWrong': '--format must be json or csv, not "{format}".',
  'cli.report.municipalityWrong': '--municipality must be a 3-digit municipality code, not "{municipality}".',
  'cli.report.figureWrong': '--figure must be one of {keys}; not "{figure}".',
  'cli.report.figureWithCsv': '--figure goes with --format csv.',
  'cli.backup.usage': 'Usage: borgerbudget backup --out FILE (with BACKUP_PASSPHRASE in the environment)',
  'cli.restore.usage': 'Usage: borgerbudget restore FILE (with BACKUP_PASSPHRASE in the environment)',
  'cli.backup.noPassphrase':
    'BACKUP_PASSPHRASE is not set. Set it in the environment (at least 16 characters, from the secret store); it is never given as an argument.',
  'cli.backup.written': 'Backup written: {file} ({size}, database: {database}).',
  'cli.backup.counted': 'All {rows} rows of {tables} tables were counted and found in the copy.',
  'cli.backup.fileExists':
    'The file {file} exists already. Choose a new name: a backup never overwrites another.',
  'cli.backup.noDatabase': 'There is no database in {dir} to back up.',
  'cli.backup.locked':
    'The embedded database in {dir} is in use by the running app (process {pid}), so the command cannot open it. Stop the app and run the command again, or let the app back itself up every day: set BACKUP_DIR and BACKUP_PASSPHRASE.',
  'cli.backup.toolMissing':
    '{tool} was not found on PATH or in /usr/lib/postgresql/*/bin. Install the PostgreSQL client tools (the server’s version or newer).',
  'cli.backup.toolFailed': '{tool} failed: {detail}',
  'cli.backup.incomplete':
    'No backup was written: the table {table} has {expected} rows, but the dump has {dumped}.',
  'cli.restore.done': 'The backup of {createdAt} ({database}) is restored.',
  'cli.restore.next':
    'Start the app with the same SESSION_SECRET and CPR keys as before; its new migrations run at start. Run borgerbudget check and check-ledger.',
  'cli.restore.unreadable': 'The file {file} does not exist or cannot be read.',
  'cli.restore.notABackup': '{file} is not a Borgerbudget backup.',
  'cli.restore.unknownVersion':
    'The backup is in format {version}, which this version of Borgerbudget does not know. Use a newer version.',
  'cli.restore.wrongPassphrase':
    'Wrong BACKUP_PASSPHRASE: it does not unlock the backup. Nothing was changed.',
  'cli.restore.damaged':
    'The backup is damaged or cut short: its content does not match its checksum. Nothing was changed.',
  'cli.restore.wrongKind.pglite':
    'The backup is of the embedded database (PGlite): it can only be restored without DATABASE_URL.',
  'cli.restore.wrongKind.postgres':
    'The backup is of a PostgreSQL database: it can only be restored with DATABASE_URL.',
  'cli.restore.notEmpty.pglite':
    'Nothing was restored: {where} is not empty. A backup is only restored into an empty DATA_DIR.',
  'cli.restore.notEmpty.postgres':
    'Nothing was restored: the database {where} has tables already. A backup is only restored into an empty database.',
};
