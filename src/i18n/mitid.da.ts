// The citizen's log-in with MitID (spec: Citizen log-in): the button, the refusals and the programme's
// setting of the ways in. Plain Danish for a reader who may find reading hard (LIX ≤ 35, measured in
// tests/integration/mitid.test.ts). Spread into da.ts.
export const mitIdDa = {
  'mitid.button': 'Log ind med MitID',
  'mitid.signedIn': 'Logget ind med MitID',

  'mitid.refused.back': 'Tilbage til log ind',
  'mitid.level.title': 'Du skal logge ind med MitID igen',
  'mitid.level.text':
    'Du loggede ind på et for lavt niveau. Log ind igen med MitID-appen eller med en MitID-kodeviser. Så er niveauet højt nok.',
  'mitid.unknown.title': 'Vi kan ikke finde dit forløb',
  'mitid.unknown.text':
    'Du er ikke med i et forløb hos os lige nu. Eller også er du ikke oprettet endnu. Kontakt din støtteperson i kommunen. Vi har ikke gemt noget om dig.',
  'mitid.notOffered.title': 'Dit forløb bruger ikke MitID',
  'mitid.notOffered.text':
    'Log ind med den kode eller den adgangskode, du har fået af din støtteperson. Kontakt din støtteperson, hvis du har brug for hjælp.',
  'mitid.closed.title': 'Din adgang er lukket',
  'mitid.closed.text': 'Kontakt din støtteperson i kommunen, hvis du skal bruge adgangen igen.',
  'mitid.failed.title': 'Du blev ikke logget ind',
  'mitid.failed.text': 'Log ind med MitID blev afbrudt, eller det tog for lang tid. Prøv igen.',

  'mitid.onlyMitId': 'Dit forløb bruger log ind med MitID. Log ind med MitID.',
  'mitid.case.mitIdOnly':
    'Programmet bruger kun log ind med MitID. Borgeren logger ind med MitID og skal ikke have en kode.',
  'mitid.codeNotOffered': 'Programmet bruger kun log ind med MitID. Borgeren skal ikke have en kode.',

  'programme.section.signIn': 'Log ind',
  'programme.citizenSignIn': 'Borgerens log ind',
  'programme.citizenSignIn.hint': 'De måder, borgerne i programmet kan logge ind på portalen.',
  'programme.citizenSignIn.code_and_mitid': 'Kode fra støttepersonen og MitID',
  'programme.citizenSignIn.mitid_only': 'Kun MitID',
  'programme.citizenSignIn.code_only': 'Kun kode fra støttepersonen',
  'programme.changeAssurance': 'Log-in-niveau før ændringer af penge og personoplysninger',
  'programme.changeAssurance.hint':
    'Betydelig: medarbejdere skal være logget ind med kommunens log-in eller med en kode fra en app, før de ændrer penge eller personoplysninger.',
  'programme.changeAssurance.low': 'Lav (adgangskode)',
  'field.programme.citizenSignIn': 'Vælg, hvordan borgerne logger ind',
  'field.programme.changeAssurance': 'Vælg log-in-niveauet før ændringer',
  'programme.changeAssurance.substantial': 'Betydelig (to faktorer eller kommunens log-in)',
} as const;
