// The import page's words (formats: CSV import). Spread into da.ts.
export const importDa = {
  'nav.import': 'Import',
  'import.title': 'Importér eksisterende data',
  'import.intro':
    'Her kan du indlæse forløb, svar på spørgeskemaer og betalinger fra et tidligere forløb eller et regneark. Det sker i én omgang: er der fejl i en enkelt linje, bliver intet importeret, og du får en liste over alle fejl.',
  'import.files': 'Filer',
  'import.filesHint':
    'Vælg op til tre CSV-filer: cases.csv (forløb), answers.csv (svar) og payments.csv (betalinger). Filerne skal være gemt som UTF-8 med komma eller semikolon som skilletegn.',
  'import.submit': 'Importér',
  'import.formatNames':
    'Filerne har intet navn på borgeren. Nye borgere får navnet "Importeret borger (sagsreference)", som kan rettes bagefter.',
  'import.noFiles': 'Vælg mindst én fil.',
  'import.failedHeading': 'Intet er importeret. Ret {count} fejl, og prøv igen',
  'import.failedLead': 'Hver linje siger: fil:linje: kolonne: fejl.',
  'import.failedInline': 'Ret fejlene i filerne, og vælg dem igen.',
  'import.doneHeading': 'Importeret: {cases} forløb, {answers} svar, {payments} betalinger',
  'import.doneText': 'Forløbene er nu almindelige forløb i kommunen. Du kan åbne dem herunder.',
  'import.casesCaption': 'Importerede forløb',
  'import.col.caseNumber': 'Sagsnummer',
  'import.col.caseRef': 'Sagsreference',
  'import.another': 'Importér flere filer',
} as const;
