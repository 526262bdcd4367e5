// The words of the citizen's requests about their data (spec: Data-subject requests): the case's page
// "Persondata og anmodninger" for the coordinator, the full copy written to the citizen, the "Begrænset"
// tag, and the citizen's own list of requests in the portal (plain Danish, LIX ≤ 35). Spread into da.ts.
export const dataSubjectDa = {
  'dataSubject.link': 'Persondata og anmodninger',
  'dataSubject.title': 'Persondata og anmodninger',
  'dataSubject.intro':
    'Her ser du, hvornår borgerens persondata i forløbet bliver anonymiseret. Her håndterer du også borgerens anmodninger om indsigt, begrænsning og sletning. Hver anmodning bliver registreret og vist for borgeren.',
  'dataSubject.back': 'Tilbage til persondata og anmodninger',
  'dataSubject.done': 'Udført',
  'dataSubject.done.hold': 'Forløbet er tilbageholdt. Det bliver ikke anonymiseret.',
  'dataSubject.done.holdLifted': 'Tilbageholdelsen er ophævet.',
  'dataSubject.done.restricted': 'Behandlingen er begrænset. Forløbet kan nu kun læses.',
  'dataSubject.done.restrictionLifted': 'Begrænsningen er ophævet. Forløbet kan ændres igen.',
  'dataSubject.done.erased': 'Borgerens persondata i forløbet er slettet.',
  'dataSubject.tag.restricted': 'Begrænset',
  'dataSubject.note': 'Note (valgfri)',
  'dataSubject.basis.public_task': 'kommunens myndighedsopgave',
  'dataSubject.basis.consent': 'borgerens samtykke',

  // Retention and the legal hold
  'dataSubject.retention.title': 'Anonymisering',
  'dataSubject.retention.due': 'Persondata i forløbet anonymiseres den {date}.',
  'dataSubject.retention.anonymised': 'Persondata i forløbet blev anonymiseret den {date}.',
  'dataSubject.retention.open':
    'Forløbet er ikke afsluttet endnu. Persondata anonymiseres {months} måneder efter, at forløbet er afsluttet.',
  'dataSubject.retention.stoppedByHold': 'Men ikke så længe forløbet er tilbageholdt.',
  'dataSubject.retention.stoppedByRestriction': 'Men ikke så længe behandlingen er begrænset.',
  'dataSubject.retention.rule':
    'Ordningen gemmer persondata i {months} måneder efter afslutning. Behandlingen bygger på {basis}.',
  'dataSubject.hold.title': 'Tilbageholdelse',
  'dataSubject.hold.none':
    'Forløbet er ikke tilbageholdt. Tilbagehold det, hvis oplysningerne skal gemmes længere, fx på grund af en klage eller en retssag.',
  'dataSubject.hold.since': 'Tilbageholdt siden {date}. Begrundelse:',
  'dataSubject.hold.reason': 'Begrundelse for tilbageholdelsen',
  'dataSubject.hold.reasonHint': 'Fx en klagesag eller en retssag. Borgeren kan få begrundelsen at se.',
  'dataSubject.hold.set': 'Tilbagehold forløbet',
  'dataSubject.hold.lift': 'Ophæv tilbageholdelsen',

  // The full copy (art. 15)
  'dataSubject.copy.title': 'Fuld kopi (indsigt)',
  'dataSubject.copy.intro':
    'Borgeren har ret til en kopi af alle oplysninger om sig (databeskyttelsesforordningens artikel 15). Den fulde kopi har også de interne noter, støttepersonens spørgeskemaer, hvem der har set oplysningerne og hændelserne i forløbet. Når du laver kopien, registreres det som en anmodning om indsigt.',
  'dataSubject.copy.noteHint': 'Fx hvordan og hvornår borgeren bad om kopien.',
  'dataSubject.copy.html': 'Vis kopien til udskrift',
  'dataSubject.copy.json': 'Hent kopien som fil (JSON)',
  'dataSubject.copy.pageTitle': 'Alle oplysninger om {name}',
  'dataSubject.copy.made': 'Kopi fra {authority}, lavet {when} af {by}.',
  'dataSubject.copy.print':
    'Brug browserens udskriv-funktion for at udskrive kopien. Menuen og knapperne kommer ikke med på papiret.',
  'dataSubject.copy.cprGone': 'Slettet',
  'dataSubject.copy.internalNote': '(intern note)',
  'dataSubject.copy.vouchers': 'Værdibeviser',
  'dataSubject.copy.voucherFor': 'Køb',
  'dataSubject.copy.voucherRequest': 'Nr. {number}: {title}',
  'dataSubject.copy.voucherStatus': 'Status',
  'dataSubject.copy.voucherMax': 'Højst',
  'dataSubject.copy.voucherExpires': 'Udløber',
  'dataSubject.copy.voucherRedeemed': 'Indløst',
  'dataSubject.copy.when': 'Hvornår',
  'dataSubject.copy.who': 'Hvem',
  'dataSubject.copy.what': 'Hvad',
  'dataSubject.copy.audit': 'Hændelser i forløbet',
  'dataSubject.copy.auditIntro':
    'Det her er kommunens log over, hvad der er gjort i dine forløb, og af hvem. Loggen gemmer ikke selve teksterne.',

  // Restriction (art. 18)
  'dataSubject.restriction.title': 'Begrænsning af behandlingen',
  'dataSubject.restriction.intro':
    'Borgeren kan bede om, at behandlingen begrænses (artikel 18), fx mens rigtigheden af oplysningerne bliver undersøgt. Så kan forløbet kun læses: ingen kan ændre plan, penge, noter eller spørgeskemaer, før begrænsningen er ophævet.',
  'dataSubject.restriction.reason': 'Begrundelse for begrænsningen',
  'dataSubject.restriction.reasonHint':
    'Fx hvad borgeren mener er forkert. Borgeren kan få begrundelsen at se.',
  'dataSubject.restriction.set': 'Begræns behandlingen',
  'dataSubject.restriction.since': 'Behandlingen er begrænset siden {date}. Begrundelse:',
  'dataSubject.restriction.effect':
    'Forløbet kan kun læses. Ingen kan ændre plan, penge, noter eller spørgeskemaer. Økonomi kan stadig betale køb, der blev godkendt før begrænsningen.',
  'dataSubject.restriction.lift': 'Ophæv begrænsningen',
  'dataSubject.restriction.none': 'Forløbet er anonymiseret. Der er ikke noget at begrænse.',

  // Erasure (art. 17)
  'dataSubject.erasure.title': 'Sletning',
  'dataSubject.erasure.possible':
    'Ordningen bygger på borgerens samtykke, og forløbet er afsluttet. Borgeren kan derfor få sine persondata slettet (artikel 17).',
  'dataSubject.erasure.link': 'Slet borgerens persondata i forløbet',
  'dataSubject.erasure.refused.already_anonymised':
    'Persondata i forløbet er allerede anonymiseret. Der er ikke mere at slette.',
  'dataSubject.erasure.refused.public_task':
    'Oplysningerne kan ikke slettes nu. Ordningen bygger på kommunens myndighedsopgave, og så skal kommunen gemme oplysningerne, til opbevaringsperioden er slut (artikel 17, stk. 3). De bliver anonymiseret den {date}.',
  'dataSubject.erasure.refused.public_task_open':
    'Oplysningerne kan ikke slettes. Ordningen bygger på kommunens myndighedsopgave, og så skal kommunen gemme oplysningerne, til opbevaringsperioden er slut (artikel 17, stk. 3). De bliver anonymiseret {months} måneder efter, at forløbet er afsluttet.',
  'dataSubject.erasure.refused.case_open':
    'Oplysningerne kan ikke slettes, mens forløbet er i gang. Afslut forløbet først.',
  'dataSubject.erasure.refused.money_reserved':
    'Oplysningerne kan ikke slettes endnu. Der er stadig penge reserveret til et køb i forløbet. Betal købet eller annuller det først.',
  'dataSubject.erasure.refused.legal_hold':
    'Oplysningerne kan ikke slettes, fordi forløbet er tilbageholdt: {reason}. Ophæv tilbageholdelsen først, hvis den ikke længere gælder.',
  'dataSubject.erase.title': 'Slet borgerens persondata',
  'dataSubject.erase.notPossible': 'Kan ikke slettes',
  'dataSubject.erase.intro':
    'Sletningen kan ikke fortrydes. Borgerens persondata i forløbet bliver slettet eller erstattet, på samme måde som når opbevaringsperioden er slut. Tallene til evalueringen bliver gemt uden navn.',
  'dataSubject.erase.deleted': 'Det bliver slettet',
  'dataSubject.erase.deleted.person':
    'Navn, CPR-nummer, telefon og e-mail (når borgeren ikke har andre forløb med persondata)',
  'dataSubject.erase.deleted.words':
    'Noter, drøm, mål, idéer, begrundelser og andre tekster, som borgeren eller de ansatte har skrevet',
  'dataSubject.erase.deleted.files': 'Bilag: kvitteringer, fakturaer og tilbud',
  'dataSubject.erase.deleted.login': 'Borgerens log ind til portalen',
  'dataSubject.erase.kept': 'Det bliver gemt uden navn',
  'dataSubject.erase.kept.money': 'Beløb: bevilling, køb og betalinger',
  'dataSubject.erase.kept.phases': 'Faser og datoer, rundet af til måneden',
  'dataSubject.erase.kept.answers': 'Kategorier for mål og køb, og svarene i spørgeskemaerne som tal',
  'dataSubject.erase.kept.logs':
    'Revisionsloggen og loggen over, hvem der har set oplysningerne, uden borgerens navn',
  'dataSubject.erase.confirm': 'Jeg har læst ovenstående og vil slette borgerens persondata i forløbet',
  'dataSubject.erase.submit': 'Slet persondata',
  'dataSubject.erase.cancel': 'Fortryd',

  // The requests handled
  'dataSubject.requests.title': 'Anmodninger i forløbet',
  'dataSubject.requests.none': 'Der er ikke registreret nogen anmodninger i forløbet.',
  'dataSubject.requests.kind': 'Anmodning',
  'dataSubject.requests.when': 'Hvornår',
  'dataSubject.requests.by': 'Håndteret af',
  'dataSubject.kind.access': 'Indsigt (fuld kopi)',
  'dataSubject.kind.restriction': 'Begrænsning',
  'dataSubject.kind.restriction_lifted': 'Begrænsning ophævet',
  'dataSubject.kind.erasure': 'Sletning',

  // Refusals
  'dataSubject.error.restricted':
    'Forløbet kan ikke ændres, fordi borgeren har fået begrænset behandlingen af sine oplysninger. Koordinatoren kan ophæve begrænsningen under "Persondata og anmodninger".',
  'dataSubject.error.anonymised': 'Persondata i forløbet er anonymiseret. Der er ikke noget at begrænse.',
  'dataSubject.error.alreadyRestricted': 'Behandlingen er allerede begrænset.',
  'dataSubject.error.notRestricted': 'Behandlingen er ikke begrænset.',
  'field.dataSubject.reason': 'Skriv en begrundelse.',
  'field.dataSubject.confirm': 'Sæt kryds for at bekræfte sletningen.',

  // The citizen's own list, in the portal's "Mine data"
  'dataSubject.portal.title': 'Det har du bedt os om',
  'dataSubject.portal.intro': 'Her kan du se, hvad du har bedt kommunen om at gøre med dine data.',
  'dataSubject.portal.none': 'Du har ikke bedt om noget endnu.',
  'dataSubject.portal.item': '{date}: {kind}',
  'dataSubject.portal.kind.access': 'Du fik en kopi af alle dine data.',
  'dataSubject.portal.kind.restriction': 'Vi stoppede arbejdet med dine data. Vi gemmer dem kun.',
  'dataSubject.portal.kind.restriction_lifted': 'Vi startede arbejdet med dine data igen.',
  'dataSubject.portal.kind.erasure': 'Vi slettede dine data.',
  'dataSubject.portal.ask': 'Vil du have en kopi, stoppe eller slette dine data? Så spørg din støtteperson.',
} as const;
