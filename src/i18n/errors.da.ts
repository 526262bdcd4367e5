// What an error says to the user (conventions: Typed errors): the errors' codes stay in code, their words
// are here. Spread into da.ts.
export const errorsDa = {
  'error.default.notFound': 'Siden eller oplysningen findes ikke.',
  'error.default.unauthenticated': 'Du skal logge ind.',
  'error.default.validationFailed': 'Der er fejl i det indtastede.',
  'error.default.unavailable':
    'Borgerbudget kan ikke nå sin database lige nu. Intet er gemt. Prøv igen om lidt.',
  'error.api.unauthenticated': 'Log ind, eller send et gyldigt API-token.',
  'error.api.notFound': 'Findes ikke.',
  'error.api.csrf': 'Forespørgslen fra et andet websted er afvist.',
  'error.api.unavailable': 'Databasen kan ikke nås. Intet er gemt; prøv igen med samme Idempotency-Key.',
  'error.api.internal': 'Der skete en fejl. Intet er gemt.',
  'error.api.invalidJson': 'Forespørgslens indhold er ikke gyldig JSON.',
  'error.api.idempotencyKeyMissing': 'Idempotency-Key mangler.',
  'error.controlInRequest':
    'Adressen eller en cookie indeholder et kontroltegn, som ikke er tilladt. Tjek linket, og prøv igen.',
  'error.tooLarge': 'Forespørgslen er for stor. En fil må højst fylde 10 MB.',
  'error.command.inProgress': 'Din handling behandles allerede. Vent lidt, og prøv igen.',
  'error.command.idempotencyMismatch': 'Nøglen er allerede brugt til en anden forespørgsel.',
  'error.access.tooManyAttempts': 'For mange forsøg. Vent {seconds} sekunder, og prøv igen.',
  'error.access.loginFailed': 'Forkert e-mail, mobilnummer eller adgangskode.',
  'error.access.activationFailed': 'Koden passer ikke. Den kan være brugt eller for gammel.',
  'error.access.codeFailed': 'E-mailadressen eller koden er forkert, eller koden er udløbet.',
  'error.access.signInLevelTooLow':
    'Din kommune kræver et sikrere log-in, før penge eller personoplysninger ændres. Log ud, og log ind igen med MitID, kommunens log-in eller en kode fra din godkendelses-app.',
  'error.access.citizenAccessClosed': 'Borgerens adgang er lukket.',
  'error.access.cannotDeactivateSelf': 'Du kan ikke deaktivere dig selv.',
  'error.access.userDeactivated': 'Brugeren er deaktiveret.',
  'error.import.busy': 'De samme forløb bliver importeret lige nu. Vent lidt, og prøv igen.',
  'error.demo.production': 'Demodata kan ikke indlæses i produktion (NODE_ENV=production).',
  'error.case.alreadyOpen': 'Borgeren har allerede et åbent forløb i denne ordning.',
  'error.case.dateInFuture': 'Datoen kan ikke ligge efter i dag.',
  'error.case.conditionsBeforeLeadIn': 'Betingelserne gennemgås, når borgeren er optaget i ordningen.',
  'error.plan.notOpen': 'Planen laves, når borgeren er optaget i ordningen.',
  'error.plan.goalHasSubGoals': 'Målet har delmål. Knyt delmålene til et andet mål først.',
  'error.money.grantCaseNotOpen': 'Der kan kun bevilges til et forløb i gang.',
  'error.money.vendorExists': 'En leverandør med dette CVR-nummer er allerede på listen.',
  'error.money.vendorProposed':
    'En leverandør med dette CVR-nummer er allerede foreslået. Den venter på at økonomi godkender den.',
  'error.money.vendorDecided': 'Forslaget er allerede godkendt eller afvist.',
  'error.money.requestClosed': 'Der kan ikke tilføjes bilag til en annulleret eller afvist anmodning.',
  'error.money.requestsCaseNotOpen': 'Der kan kun skrives anmodninger på et forløb i gang.',
  'error.money.submitNeedsActive': 'At sende en anmodning kræver, at forløbet er aktivt.',
  'error.money.approveNeedsActive': 'At godkende en anmodning kræver, at forløbet er aktivt.',
  'error.money.notConfirmed': 'Borgeren skal bekræfte anmodningen, før den sendes.',
  'error.money.inPaymentFile': 'Anmodningen er i en betalingsfil og betales, når filen markeres som sendt.',
  'error.money.nothingToPay': 'Der er ingen godkendte bankoverførsler at betale.',
  'error.money.alreadyInBatch': 'En af anmodningerne er allerede i en anden betalingsfil.',
  'error.money.noMunicipalAccount':
    'Kommunens bankkonto er ikke sat op, så der kan ikke dannes en betalingsfil.',
  'error.money.batchAlreadySent': 'Betalingsfilen er allerede markeret som sendt.',
  'error.money.batch.notApproved':
    'Forløb {caseNumber} anmodning {requestNumber} er ikke godkendt og venter ikke på betaling.',
  'error.money.batch.notBankTransfer':
    'Forløb {caseNumber} anmodning {requestNumber} betales ikke ved bankoverførsel.',
  'error.money.batch.noVendorAccount':
    'Forløb {caseNumber} anmodning {requestNumber}: leverandøren har ingen bankkonto på listen.',
  'error.money.batch.inOtherBatch':
    'Forløb {caseNumber} anmodning {requestNumber} er allerede i betalingsfilen {messageId}.',
  'error.money.batch.noAccount': 'Forløb {caseNumber} anmodning {requestNumber}: ingen konto.',
  'error.questionnaire.notStarted': 'Spørgeskemaerne kan først besvares, når forløbet er startet.',
  'error.questionnaire.notDue':
    'Spørgeskemaet ved afslutning kan besvares i forløbets sidste måned eller ved afslutningen.',
  'error.questionnaire.incomplete':
    'Spørgeskemaet kan først gemmes som færdigt, når alle spørgsmål er besvaret.',
  'error.questionnaire.empty': 'Besvar mindst ét spørgsmål, før du gemmer.',
  'error.sentences': '{sentences}',
} as const;
