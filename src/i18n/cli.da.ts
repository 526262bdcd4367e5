// The command line's words (src/app/main.ts, src/cli/): usage, what each command reports, and the findings
// of `check` and `check-ledger`. The command speaks Danish unless the locale says English
// (src/cli/cli-lang.ts). Spread into da.ts.
export const cliDa = {
  'cli.usage': `Brug: borgerbudget <kommando>

  start          migrér, indlæs demodata i en tom database (ikke i produktion), og start
  serve          start webappen og API'et
  migrate        kør databasens nye migreringer
  demo           indlæs demokommunerne, deres ordninger og brugere (kan køres igen; ikke i produktion);
                 --scale national|municipality [--cases N] [--seed S]: genererede data i en tom database
  create-admin   opret en kommunes første administrator: --municipality KODE --email E --name N
  check          kontrollér ændringsloggens hashkæder (slutkode 1 ved det første brud)
  check-ledger   genberegn hvert forløbs budget fra posteringerne, og kontrollér reglerne (slutkode 1 ved fund)
  bench          hastighed og hukommelse målt mod målene, på midlertidige databaser: [--json] [--scale …] [--only …]
  report         evalueringsrapporten: --format json|csv [--municipality KODE] [--anonymise] [--figure NØGLE]
  import         importér eksisterende data, alt eller intet: --dir MAPPE (cases.csv, answers.csv, payments.csv)
  retention      anonymisér de afsluttede forløb, hvis tid er kommet; --dry-run [--json] viser kun hvad og hvornår
  backup         en krypteret, komprimeret kopi af hele databasen: --out FIL (med BACKUP_PASSPHRASE; PostgreSQL
                 mens appen kører, den indlejrede database når appen er stoppet – ellers BACKUP_DIR)
  restore        indlæs en kopi i en tom DATA_DIR eller en tom database: restore FIL (med BACKUP_PASSPHRASE)
  rotate-cpr-key krypter CPR-numrene om under den første nøgle i CPR_ENCRYPTION_KEYS, i portioner, mens appen kører:
                 [--batch-size N]; --check tæller kun CPR-numrene pr. nøgle (slutkode 1 når nogen er under en anden)

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
  'cli.ledger.where.case': 'Forløb {number} ({municipality})',
  'cli.ledger.where.programme': 'Ordningen "{programme}" ({municipality})',
  'cli.ledger.where.request': 'Forløb {number} ({municipality}), anmodning {request}',
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
  'cli.rotate.usage': 'Brug: borgerbudget rotate-cpr-key [--check] [--batch-size N]',
  'cli.rotate.batchSize': '--batch-size skal være et helt tal fra 1 til 10000, ikke "{value}".',
  'cli.rotate.start':
    'Krypterer CPR-numrene om under den første nøgle i CPR_ENCRYPTION_KEYS, {keyId}, {size} ad gangen …',
  'cli.rotate.progress': '  {reencrypted} krypteret om efter portion {batches}',
  'cli.rotate.done': 'Krypteret om: {reencrypted} CPR-numre (portioner: {batches}).',
  'cli.rotate.noneLeft':
    'Ingen værdi under en gammel nøgle er tilbage: de gamle nøgler kan fjernes fra CPR_ENCRYPTION_KEYS.',
  'cli.rotate.left':
    'Stadig ikke under den første nøgle: {left}. Behold de gamle nøgler i CPR_ENCRYPTION_KEYS.',
  'cli.rotate.unknownKey': '  borger {citizen}: krypteret under nøglen {keyId}, som ikke er konfigureret',
  'cli.rotate.unreadable':
    '  borger {citizen}: ingen af de konfigurerede nøgler kan læse CPR-nummeret (en anden nøgle, eller data er beskadiget)',
  'cli.rotate.skipped':
    '{count} var i brug af andet arbejde under kørslen eller blev skrevet af en proces, der endnu ikke har den nye nøgle: sørg for, at alle processer kører med de nye CPR_ENCRYPTION_KEYS, og kør så kommandoen igen.',
  'cli.rotate.check.title': 'CPR-numre pr. nøgle (den første nøgle er {keyId}):',
  'cli.rotate.check.first': '  {keyId} (den første nøgle): {count}',
  'cli.rotate.check.older': '  {keyId} (en ældre nøgle): {count}',
  'cli.rotate.check.unknown': '  {keyId} (ikke konfigureret, så de kan ikke læses): {count}',
  'cli.rotate.check.beforeKeyIds': "  v1, fra før nøgle-id'er (læses ved at prøve hver nøgle): {count}",
  'cli.rotate.check.clean': 'Alle CPR-numre er under den første nøgle.',
  'cli.rotate.check.pending':
    '{count} CPR-numre er ikke under den første nøgle: kør borgerbudget rotate-cpr-key.',
  'cli.retention.usage': 'Brug: borgerbudget retention [--dry-run [--json]]',
  'cli.retention.jsonNeedsDryRun': '--json hører sammen med --dry-run.',
  'cli.retention.plan': 'Afsluttede forløb med personoplysninger pr. {date}: {count}.',
  'cli.retention.line':
    'kommune {municipality}, forløb {caseNumber}: afsluttet {closedOn}, anonymiseres {anonymiseOn}',
  'cli.retention.state.due': ' (nu)',
  'cli.retention.state.held': ' (stoppet)',
  'cli.retention.state.restricted': ' (begrænset efter borgerens ønske)',
  'cli.retention.done': 'Anonymiseret nu: {count} afsluttede forløb.',
  'cli.retention.failed': '{count} forløb kunne ikke anonymiseres; de prøves igen ved næste kørsel.',
  'cli.retention.busy': 'En anden proces starter anonymiseringen lige nu. Prøv igen om lidt.',
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
  'cli.backup.usage': 'Brug: borgerbudget backup --out FIL (med BACKUP_PASSPHRASE i miljøet)',
  'cli.restore.usage': 'Brug: borgerbudget restore FIL (med BACKUP_PASSPHRASE i miljøet)',
  'cli.backup.noPassphrase':
    'BACKUP_PASSPHRASE er ikke sat. Sæt den i miljøet (mindst 16 tegn, fra hemmelighedslageret); den gives aldrig som argument.',
  'cli.backup.written': 'Sikkerhedskopien er skrevet: {file} ({size}, database: {database}).',
  'cli.backup.counted': 'Alle {rows} rækker i {tables} tabeller er talt og fundet i kopien.',
  'cli.backup.fileExists':
    'Filen {file} findes allerede. Vælg et nyt navn: en sikkerhedskopi overskriver aldrig en anden.',
  'cli.backup.noDatabase': 'Der er ingen database i {dir} at tage en sikkerhedskopi af.',
  'cli.backup.locked':
    'Den indlejrede database i {dir} bruges af den kørende app (proces {pid}), så kommandoen kan ikke åbne den. Stop appen og kør kommandoen igen, eller lad appen selv tage en sikkerhedskopi hver dag: sæt BACKUP_DIR og BACKUP_PASSPHRASE.',
  'cli.backup.toolMissing':
    '{tool} findes ikke på PATH eller i /usr/lib/postgresql/*/bin. Installér PostgreSQL-klientværktøjerne (samme version som serveren eller nyere).',
  'cli.backup.toolFailed': '{tool} fejlede: {detail}',
  'cli.backup.incomplete':
    'Der er ikke skrevet nogen sikkerhedskopi: tabellen {table} har {expected} rækker, men dumpet har {dumped}.',
  'cli.restore.done': 'Sikkerhedskopien fra {createdAt} ({database}) er indlæst.',
  'cli.restore.next':
    'Start appen med samme SESSION_SECRET og CPR-nøgler som før; dens nye migreringer kører ved start. Kør borgerbudget check og check-ledger.',
  'cli.restore.unreadable': 'Filen {file} findes ikke eller kan ikke læses.',
  'cli.restore.notABackup': '{file} er ikke en sikkerhedskopi fra Borgerbudget.',
  'cli.restore.unknownVersion':
    'Sikkerhedskopien har formatet {version}, som denne version af Borgerbudget ikke kender. Brug en nyere version.',
  'cli.restore.wrongPassphrase':
    'Forkert BACKUP_PASSPHRASE: sikkerhedskopien kan ikke låses op med den. Intet er ændret.',
  'cli.restore.damaged':
    'Sikkerhedskopien er beskadiget eller afkortet: indholdet passer ikke med kontrolsummen. Intet er ændret.',
  'cli.restore.wrongKind.pglite':
    'Sikkerhedskopien er af den indlejrede database (PGlite): den kan kun indlæses uden DATABASE_URL.',
  'cli.restore.wrongKind.postgres':
    'Sikkerhedskopien er af en PostgreSQL-database: den kan kun indlæses med DATABASE_URL.',
  'cli.restore.notEmpty.pglite':
    'Intet er indlæst: {where} er ikke tom. En sikkerhedskopi indlæses kun i en tom DATA_DIR.',
  'cli.restore.notEmpty.postgres':
    'Intet er indlæst: databasen {where} har allerede tabeller. En sikkerhedskopi indlæses kun i en tom database.',
};
