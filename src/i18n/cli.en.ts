import type { cliDa } from './cli.da.ts';

// The command line's words in English, when the locale says English (spread into en.ts).
export const cliEn: Record<keyof typeof cliDa, string> = {
  'cli.usage': `Usage: borgerbudget <command>

  start          migrate, load demo data into an empty database (not in production), serve
  serve          serve the web app and API
  migrate        apply pending database migrations
  demo           load the demo municipalities, programmes and users (idempotent; not in production)
  create-admin   create a municipality's first administrator: --municipality CODE --email E --name N
  check          verify the audit log's hash chains (exit 1 at the first broken link)
  check-ledger   re-derive every case's budget from the ledger and check the invariants (exit 1 on any finding)
  bench          speed and memory figures against their targets, on throw-away embedded databases
  report         the evaluation report: --format json|csv [--municipality CODE] [--anonymise] [--figure KEY]
  import         import existing programme data, all or nothing: --dir FOLDER (cases.csv, answers.csv, payments.csv)

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
  'cli.report.usage':
    'Usage: borgerbudget report --format json|csv [--municipality CODE] [--anonymise] [--figure KEY]',
  'cli.report.needsValue': '{flag} needs a value.',
  'cli.report.unknownArgument': 'Unknown argument "{argument}".',
  'cli.report.formatRequired': '--format json|csv is required.',
  'cli.report.formatWrong': '--format must be json or csv, not "{format}".',
  'cli.report.municipalityWrong': '--municipality must be a 3-digit municipality code, not "{municipality}".',
  'cli.report.figureWrong': '--figure must be one of {keys}; not "{figure}".',
  'cli.report.figureWithCsv': '--figure goes with --format csv.',
};
