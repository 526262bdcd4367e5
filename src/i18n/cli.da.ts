// The command line's words (src/app/main.ts, src/cli/): usage, what each command reports, and the findings
// of `check` and `check-ledger`. The command speaks Danish unless the locale says English
// (src/cli/cli-lang.ts). Spread into da.ts.
export const cliDa = {
  'cli.usage': `Brug: borgerbudget <kommando>

  start          migrér, indlæs demodata i en tom database (ikke i produktion), og start
  serve          start webappen og API'et
  migrate        kør databasens nye migreringer
  demo           indlæs demokommunerne, deres ordninger og brugere (kan køres igen; ikke i produktion)
  create-admin   opret en kommunes første administrator: --municipality KODE --email E --name N
  check          kontrollér ændringsloggens hashkæder (slutkode 1 ved det første brud)
  check-ledger   genberegn hvert forløbs budget fra posteringerne, og kontrollér reglerne (slutkode 1 ved fund)
  bench          hastighed og hukommelse målt mod målene, på midlertidige indlejrede databaser
  report         evalueringsrapporten: --format json|csv [--municipality KODE] [--anonymise] [--figure NØGLE]
  import         importér eksisterende data, alt eller intet: --dir MAPPE (cases.csv, answers.csv, payments.csv)

Konfigurationen kommer fra miljøvariabler; se README.md. Kommandoen taler dansk, eller engelsk
når LANG (eller LC_ALL, LC_MESSAGES) begynder med "en".`,
  'cli.unknownCommand': 'Ukendt kommando "{command}".',
  'cli.migrate.applied': 'Kørte {count} migreringer:',
  'cli.migrate.upToDate': 'Databasen er opdateret: der er ingen nye migreringer.',
  'cli.start.loadingDemo': 'Databasen er tom: indlæser demodata …',
  'cli.start.running': 'Borgerbudget kører på {url}  (klar på {ms} ms, database: {database})',
  'cli.demo.logins': 'Demo-logins (adgangskode for alle: {password}):',
  'cli.demo.shop': 'Butik        indløser værdibeviser på /indloes: {name} – {municipality}, PIN-kode {pin}',
  'cli.admin.created': 'Administratoren {email} er oprettet for kommune {municipality}.',
  'cli.admin.code': 'Engangskode (vises kun nu; gælder i 3 dage; bruges på /adgangskode): {code}',
  'cli.check.intact': 'Ændringsloggen er intakt: {events} hændelser i {chains} kæder.',
  'cli.check.broken': 'Ændringsloggen er brudt: kæde {chain} ({owner}), hændelse {seq}: {reason}.',
  'cli.check.owner.municipality': 'kommune {municipality}',
  'cli.check.owner.national': 'national',
  'cli.check.reason.missingEvent': 'hændelse {seq} mangler',
  'cli.check.reason.linkMismatch': 'dens kæde til den forrige hændelse passer ikke',
  'cli.check.reason.contentChanged': 'dens indhold er ændret, efter den blev skrevet',
  'cli.check.reason.chainShort':
    'kæden slutter ved hændelse {last}, men dens hoved siger {head}: der mangler hændelser',
  'cli.ledger.ok':
    'Regnskabet stemmer: {cases} forløb, {postings} posteringer og {programmes} puljer kontrolleret.',
  'cli.ledger.failed': 'Regnskabet stemmer ikke: {count} fejl.',
  'cli.ledger.where.case': 'Sag {number} ({municipality})',
  'cli.ledger.where.programme': 'Ordningen "{programme}" ({municipality})',
  'cli.ledger.where.request': 'Sag {number} ({municipality}), anmodning {request}',
  'cli.ledger.differs': '{field} er {stored} i databasen, men {derived} efter posteringerne',
  'cli.ledger.field.granted': 'bevilget',
  'cli.ledger.field.returned': 'returneret til puljen',
  'cli.ledger.field.reserved': 'reserveret',
  'cli.ledger.field.paid': 'betalt',
  'cli.ledger.field.refunded': 'refunderet',
  'cli.ledger.field.available': 'disponibelt',
  'cli.ledger.postingCount': '{stored} posteringer i databasen, men {read} læst',
  'cli.ledger.overspent':
    'overforbrug: reserveret {reserved} + betalt {paid} − refunderet {refunded} er mere end bevilget {granted} − returneret {returned} (disponibelt {available})',
  'cli.ledger.brokeRule': 'posteringen nr. {number} brød reglen {rule}: {what}',
  'cli.ledger.poolExceeded': 'bevilget i alt {held} (bevillinger − returneret) er mere end puljen {pool}',
  'cli.ledger.paidTwice': 'betalt {count} gange',
  'cli.ledger.paymentWithStatus': 'har en betaling, men status er {status}',
  'cli.ledger.reservationWithStatus': 'har en reservation, men status er {status}',
  'cli.import.usage': 'Brug: borgerbudget import --dir MAPPE',
  'cli.import.noFolder': 'Mappen "{dir}" findes ikke eller kan ikke læses.',
  'cli.import.noFiles':
    'Intet er importeret: mappen "{dir}" har ingen af filerne cases.csv, answers.csv og payments.csv.',
  'cli.import.failed': 'Intet er importeret: {count} fejl.',
  'cli.import.done': 'Importeret: {cases} forløb, {answers} svar, {payments} betalinger.',
  'cli.import.doneDetail': '({questionnaires} spørgeskemaer; {seconds} s)',
  'cli.report.usage':
    'Brug: borgerbudget report --format json|csv [--municipality KODE] [--anonymise] [--figure NØGLE]',
  'cli.report.needsValue': '{flag} skal have en værdi.',
  'cli.report.unknownArgument': 'Ukendt argument "{argument}".',
  'cli.report.formatRequired': '--format json|csv skal angives.',
  'cli.report.formatWrong': '--format skal være json eller csv, ikke "{format}".',
  'cli.report.municipalityWrong':
    '--municipality skal være en kommunekode på 3 cifre, ikke "{municipality}".',
  'cli.report.figureWrong': '--figure skal være en af {keys}; ikke "{figure}".',
  'cli.report.figureWithCsv': '--figure hører sammen med --format csv.',
};
