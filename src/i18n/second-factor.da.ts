// The second factor for local staff accounts (spec: Staff log-in): the log-in's second step, enrolling,
// the recovery codes, the user's settings and the administrator's reset. Spread into da.ts.
export const secondFactorDa = {
  'secondFactor.title': 'To-trins-log-ind',
  'secondFactor.link': 'To-trins-log-ind',
  'secondFactor.intro':
    'Med to-trins-log-ind skal du både skrive din adgangskode og en kode fra en godkendelses-app på din telefon, når du logger ind. Så kan ingen logge ind som dig med din adgangskode alene.',
  'secondFactor.on': 'To-trins-log-ind er slået til.',
  'secondFactor.off': 'To-trins-log-ind er ikke slået til.',
  'secondFactor.required': 'Kommunen kræver to-trins-log-ind, så det kan ikke slås fra.',
  'secondFactor.notLocal':
    'Du logger ind med kommunens log-in eller MitID. Dér er to-trins-log-ind en del af log-in, så det skal ikke slås til her.',
  'secondFactor.recoveryLeft': 'Du har {count} ubrugte gendannelseskoder.',
  'secondFactor.start': 'Slå to-trins-log-ind til',
  'secondFactor.manage': 'Nye gendannelseskoder eller slå fra',
  'secondFactor.manageIntro': 'Skriv den kode, appen viser lige nu, for at bekræfte, at det er dig.',
  'secondFactor.newCodes': 'Lav nye gendannelseskoder',
  'secondFactor.turnOff': 'Slå to-trins-log-ind fra',
  'secondFactor.turnedOff': 'To-trins-log-ind er slået fra.',
  'secondFactor.usedRecovery':
    'Du loggede ind med en gendannelseskode. Du har {count} tilbage. Lav nye, hvis du har mistet din telefon eller er ved at løbe tør.',
  'secondFactor.code': 'Kode',
  'secondFactor.codeHint': 'De 6 cifre fra godkendelses-appen.',
  'secondFactor.enrol.title': 'Slå to-trins-log-ind til',
  'secondFactor.enrol.required':
    'Din kommune kræver to-trins-log-ind. Slå det til nu; derefter er du logget ind.',
  'secondFactor.enrol.app':
    'Hent en godkendelses-app på din telefon, hvis du ikke har en, fx Microsoft Authenticator eller Google Authenticator.',
  'secondFactor.enrol.scan': 'Scan QR-koden med appen.',
  'secondFactor.enrol.qrLabel': 'QR-kode til godkendelses-appen',
  'secondFactor.enrol.typeKey': 'Kan du ikke scanne, så skriv denne nøgle i appen:',
  'secondFactor.enrol.key': 'Nøgle',
  'secondFactor.enrol.confirm': 'Skriv den kode, appen viser, for at bekræfte.',
  'secondFactor.enrol.submit': 'Slå til',
  'secondFactor.login.title': 'Skriv koden fra din app',
  'secondFactor.login.intro':
    'Åbn godkendelses-appen på din telefon, og skriv koden for Borgerbudget. Har du mistet telefonen, kan du skrive en af dine gendannelseskoder i stedet.',
  'secondFactor.login.codeHint': 'De 6 cifre fra appen, eller en gendannelseskode.',
  'secondFactor.login.submit': 'Log ind',
  'secondFactor.login.back': 'Tilbage til log-ind',
  'secondFactor.recovery.title': 'Dine gendannelseskoder',
  'secondFactor.recovery.intro':
    'Gem kodene et sikkert sted, fx udskrevet. Mister du din telefon, kan du logge ind med en af dem i stedet for koden fra appen. Hver kode kan bruges én gang. Kodene vises kun nu.',
  'secondFactor.recovery.continue': 'Fortsæt',
  'secondFactor.icon': 'Information',
  'secondFactor.reset': 'Nulstil to-trins-log-ind',
  'secondFactor.resetLabel': 'Nulstil to-trins-log-ind for {name}',
  'secondFactor.resetDone': '{name} er logget ud og skal slå to-trins-log-ind til igen.',
  'login.secondStepExpired': 'Log-in tog for lang tid. Log ind igen.',
  'error.access.secondFactorFailed':
    'Koden passer ikke. Den kan være skrevet forkert, for gammel eller allerede brugt.',
  'error.access.secondFactorExpired': 'Log-in tog for lang tid. Log ind igen.',
  'error.access.secondFactorNotLocal':
    'Du logger ind med kommunens log-in eller MitID, så to-trins-log-ind skal ikke slås til her.',
  'error.access.secondFactorAlreadyOn': 'To-trins-log-ind er allerede slået til.',
  'error.access.secondFactorRequired': 'Kommunen kræver to-trins-log-ind, så det kan ikke slås fra.',
  'error.access.secondFactorNone': '{name} har ikke to-trins-log-ind slået til.',
  'field.secondFactor.code': 'Skriv koden.',
  'audit.secondFactor.enrol': 'En bruger slog to-trins-log-ind til',
  'audit.secondFactor.useRecoveryCode': 'En bruger loggede ind med en gendannelseskode',
  'audit.secondFactor.newRecoveryCodes': 'En bruger lavede nye gendannelseskoder',
  'audit.secondFactor.turnOff': 'En bruger slog to-trins-log-ind fra',
  'audit.secondFactor.reset': 'En administrator nulstillede en brugers to-trins-log-ind',
};
