// The words of the privacy notice (spec: Privacy notice): the general page for staff and visitors, and the
// citizen's version in the portal in plain Danish (LIX ≤ 35, measured by
// tests/integration/portal-readability.test.ts). The legal references are those of the EU's General Data
// Protection Regulation (databeskyttelsesforordningen) and the Danish Data Protection Act
// (databeskyttelsesloven). Spread into da.ts.
export const privacyNoticeDa = {
  'privacy.footer': 'Privatlivspolitik',
  'privacy.title': 'Privatlivspolitik',

  // ---- The general page (staff and visitors)
  'privacy.lede.one':
    'Sådan behandler {municipality} personoplysninger i Borgerbudget, når en borger får et personligt borgerstyret budget.',
  'privacy.lede.general':
    'Sådan behandles personoplysninger i Borgerbudget, når en borger får et personligt borgerstyret budget.',
  'privacy.allMunicipalities': 'Alle kommuner',

  'privacy.controller.heading': 'Dataansvarlig',
  'privacy.controller.one': '{municipality} er dataansvarlig for oplysningerne i Borgerbudget.',
  'privacy.controller.general':
    'Den kommune, der giver borgeren et budget, er dataansvarlig. Vælg en kommune for at se dens ordninger, retsgrundlag og opbevaringstid.',
  'privacy.controller.programmes': 'Ordninger: {names}',
  'privacy.controller.noProgrammes': 'Ingen ordninger endnu.',
  'privacy.controller.none': 'Ingen kommuner bruger Borgerbudget endnu.',

  'privacy.purposes.heading': 'Formål',
  'privacy.purposes.intro': 'Oplysningerne bruges kun til at:',
  'privacy.purposes.run': 'drive borgerens forløb: budget, mål, støtte og opfølgning',
  'privacy.purposes.pay': 'betale leverandører på borgerens vegne – borgeren får aldrig kontanter',
  'privacy.purposes.evaluate': 'lave den landsdækkende evaluering af ordningen ud fra anonyme tal',

  'privacy.basis.heading': 'Retsgrundlag',
  'privacy.basis.public_task':
    'Behandlingen er nødvendig for at udføre en opgave i samfundets interesse og som led i kommunens myndighedsudøvelse (databeskyttelsesforordningens artikel 6, stk. 1, litra e). Følsomme oplysninger, fx om helbred, behandles, fordi det er nødvendigt for at give social støtte efter den sociale lovgivning (artikel 9, stk. 2, litra b og h).',
  'privacy.basis.consent':
    'Behandlingen sker med borgerens samtykke (databeskyttelsesforordningens artikel 6, stk. 1, litra a). Følsomme oplysninger, fx om helbred, behandles med borgerens udtrykkelige samtykke (artikel 9, stk. 2, litra a). Samtykket kan trækkes tilbage når som helst; det ændrer ikke, at behandlingen før var lovlig (artikel 7, stk. 3).',
  'privacy.basis.general':
    'Hver ordning har sit eget retsgrundlag. Enten er behandlingen en opgave i samfundets interesse og en del af kommunens myndighedsudøvelse (databeskyttelsesforordningens artikel 6, stk. 1, litra e, og for følsomme oplysninger artikel 9, stk. 2, litra b og h), eller den sker med borgerens samtykke (artikel 6, stk. 1, litra a, og artikel 9, stk. 2, litra a). Vælg kommunen ovenfor for at se, hvad der gælder dér.',
  'privacy.basis.cpr':
    'Kommunen bruger cpr-nummeret til entydig identifikation af borgeren (databeskyttelseslovens § 11, stk. 1).',
  'privacy.basis.baseline':
    'Oplysninger om borgerens baggrund ved start (fx boligsituation, misbrug, psykisk sårbarhed, indtægt og uddannelse) registreres kun, hvis borgeren siger ja til det.',

  'privacy.data.heading': 'Hvilke oplysninger',
  'privacy.data.intro': 'Borgerbudget gemmer:',
  'privacy.data.identity': 'navn og cpr-nummer (cpr-nummeret krypteret)',
  'privacy.data.contact': 'telefon, e-mail, foretrukket sprog og borgerens log-in',
  'privacy.data.case': 'forløbet: datoer, faser, støtteperson og betingelser',
  'privacy.data.plan': 'planen: drøm, mål, delmål, aktiviteter og idéer',
  'privacy.data.notes': 'opfølgningsnoter fra støttepersonen og koordinatoren',
  'privacy.data.answers': 'svar på spørgeskemaer, også om trivsel (WHO-5)',
  'privacy.data.baseline': 'med borgerens samtykke: baggrund ved start',
  'privacy.data.money': 'budget, køb, betalinger, kvitteringer og værdibeviser',
  'privacy.data.never':
    'Borgerbudget gemmer aldrig diagnoser eller oplysninger om strafbare forhold. Ordningen har ikke brug for dem.',
  'privacy.data.source':
    'Oplysningerne kommer fra borgeren selv, fra støttepersonen og fra den del af kommunen, der henviser borgeren til ordningen.',

  'privacy.recipients.heading': 'Hvem ser og får oplysningerne',
  'privacy.recipients.internal':
    'I kommunen ser kun borgerens støtteperson og ordningens koordinatorer forløbet. Økonomimedarbejdere ser beløb, leverandør og sagsnummer – ikke navn, mål eller noter.',
  'privacy.recipients.vendors':
    'Leverandører (fx en butik) får kun det, betalingen kræver: hvad der købes, beløbet og et sags- og anmodningsnummer. De får aldrig borgerens cpr-nummer.',
  'privacy.recipients.bank': 'Kommunens bank får betalingen til leverandøren med sags- og anmodningsnummer.',
  'privacy.recipients.agency':
    'Socialstyrelsen får kun anonyme, samlede tal til evalueringen – aldrig navne, cpr-numre eller noter. Tal fra 1 til 4 vises som "<5".',
  'privacy.recipients.processor':
    'Driver en it-leverandør Borgerbudget for kommunen, må leverandøren kun behandle oplysningerne efter kommunens instruks (databehandler).',
  'privacy.recipients.none': 'Ingen andre får oplysningerne fra Borgerbudget, medmindre en lov kræver det.',

  'privacy.retention.heading': 'Hvor længe',
  'privacy.retention.months':
    'Oplysningerne gemmes i {months} måneder efter, at forløbet er afsluttet. Derefter anonymiseres oplysningerne: navn, cpr-nummer, kontaktoplysninger, noter og andre tekster slettes, og kun tal uden navn bliver tilbage til evalueringen.',
  'privacy.retention.general':
    'Hver kommune bestemmer for hver ordning, hvor mange måneder oplysningerne gemmes efter, at forløbet er afsluttet. Derefter anonymiseres oplysningerne.',
  'privacy.retention.hold':
    'Er der en klage eller en retssag om forløbet, kan kommunen gemme det, til sagen er afgjort.',

  'privacy.rights.heading': 'Borgerens rettigheder',
  'privacy.rights.access.title': 'Indsigt (artikel 15)',
  'privacy.rights.access':
    'Borgeren kan se sine oplysninger i portalen under "Mine data" og hente dem som fil. En fuld kopi, også af interne noter, fås ved at spørge kommunen.',
  'privacy.rights.rectification.title': 'Berigtigelse (artikel 16)',
  'privacy.rights.rectification': 'Forkerte oplysninger bliver rettet.',
  'privacy.rights.restriction.title': 'Begrænsning (artikel 18)',
  'privacy.rights.restriction':
    'Borgeren kan bede om, at oplysningerne kun opbevares og ikke bruges, fx mens en fejl undersøges.',
  'privacy.rights.erasure.title': 'Sletning (artikel 17)',
  'privacy.rights.erasure.public_task':
    'Fordi behandlingen er en myndighedsopgave, kan oplysningerne som regel ikke slettes før tid (artikel 17, stk. 3, litra b). De anonymiseres efter opbevaringstiden.',
  'privacy.rights.erasure.consent':
    'Borgeren kan bede om at få oplysningerne slettet, fx når samtykket trækkes tilbage. Tal uden navn til evalueringen bliver.',
  'privacy.rights.object.public_task.title': 'Indsigelse (artikel 21)',
  'privacy.rights.object.public_task':
    'Borgeren kan gøre indsigelse mod behandlingen. Kommunen skal da vurdere, om den må fortsætte.',
  'privacy.rights.object.consent.title': 'Tilbagetrækning af samtykke (artikel 7, stk. 3)',
  'privacy.rights.object.consent': 'Borgeren kan trække sit samtykke tilbage når som helst.',
  'privacy.rights.byBasis': 'Sletning og indsigelse afhænger af retsgrundlaget:',
  'privacy.rights.basisOf': 'For {programmes}',
  'privacy.rights.basisGeneral.public_task': 'Hvor retsgrundlaget er en myndighedsopgave',
  'privacy.rights.basisGeneral.consent': 'Hvor retsgrundlaget er samtykke',
  'privacy.rights.complain.title': 'Klage (artikel 77)',
  'privacy.rights.complain':
    'Borgeren kan klage til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, dt@datatilsynet.dk.',
  'privacy.rights.complainLink': 'datatilsynet.dk',

  'privacy.use.heading': 'Sådan bruger borgeren sine rettigheder',
  'privacy.use.support': 'Borgeren kan tale med sin støtteperson eller skrive til kommunen.',
  'privacy.use.contact': 'Spørgsmål om oplysningerne i {programme}:',
  'privacy.use.municipality': 'Kommunens databeskyttelsesrådgiver kan kontaktes gennem {municipality}.',
  'privacy.use.general':
    'Kontakt den kommune, der giver budgettet. Hver kommune har en databeskyttelsesrådgiver.',
  'privacy.use.answer': 'Kommunen svarer inden for en måned (artikel 12, stk. 3).',

  'privacy.log.heading': 'Hvem har set oplysningerne',
  'privacy.log.text':
    'Hver gang en medarbejder ser en borgers oplysninger, skrives det i en log: hvornår, med hvilken rolle og hvorfor. Borgeren ser loggen i portalen under "Hvem har set mine oplysninger". Ændringer skrives i en revisionslog, der ikke kan ændres bagefter.',

  'privacy.automated.heading': 'Automatiske afgørelser',
  'privacy.automated.text':
    'Borgerbudget træffer ingen afgørelser alene automatisk. Det gør kommunens medarbejdere.',

  // ---- The citizen's version in the portal: short sentences, everyday words
  'privacy.citizen.title': 'Sådan bruger vi dine data',
  'privacy.citizen.lede': '{municipality} har ansvar for dine data her.',
  'privacy.citizen.why.heading': 'Hvorfor har vi dine data?',
  'privacy.citizen.why.run': 'Så du kan få dit budget og din støtte.',
  'privacy.citizen.why.pay': 'Så vi kan betale for det, du køber. Du får aldrig penge i hånden.',
  'privacy.citizen.why.evaluate': 'Så vi kan se, om ordningen virker. Det gør vi kun med tal uden navn.',

  'privacy.citizen.basis.heading': 'Hvad giver os lov?',
  'privacy.citizen.basis.public_task':
    'Loven giver kommunen den her opgave. Derfor må vi bruge dine data. Du skal ikke sige ja først.',
  'privacy.citizen.basis.public_task.law':
    'Det står i EU’s regler om data. Det er artikel 6, stk. 1, litra e. Og artikel 9, stk. 2, litra b og h.',
  'privacy.citizen.basis.consent':
    'Du har sagt ja til, at vi må bruge dine data. Du kan altid tage dit ja tilbage.',
  'privacy.citizen.basis.consent.law':
    'Det står i EU’s regler om data. Det er artikel 6, stk. 1, litra a. Og artikel 9, stk. 2, litra a.',
  'privacy.citizen.basis.cpr':
    'Vi må bruge dit cpr-nummer. Så ved vi, at det er dig. Det står i § 11 i loven om data.',

  'privacy.citizen.data.heading': 'Hvad gemmer vi?',
  'privacy.citizen.data.identity':
    'Dit navn og dit cpr-nummer. Nummeret er låst med en kode, når vi gemmer det.',
  'privacy.citizen.data.contact': 'Din telefon, din e-mail og dit sprog.',
  'privacy.citizen.data.plan': 'Din drøm, dine mål og dine idéer.',
  'privacy.citizen.data.notes': 'Noter fra din støtteperson.',
  'privacy.citizen.data.answers': 'Dine svar på spørgsmål om dig og dit mål.',
  'privacy.citizen.data.money': 'Dine køb og bonerne fra dem.',
  'privacy.citizen.data.baseline':
    'Hvis du siger ja: lidt om dit liv, da du startede. Fx bolig, job, skole og om du har det svært.',
  'privacy.citizen.data.never': 'Vi gemmer aldrig, hvad du fejler. Vi gemmer heller ikke, om du er straffet.',

  'privacy.citizen.who.heading': 'Hvem ser dine data?',
  'privacy.citizen.who.staff': 'Din støtteperson og de ansatte, der styrer ordningen.',
  'privacy.citizen.who.finance': 'Dem, der betaler, ser kun pris og butik. De ser ikke dit navn.',
  'privacy.citizen.who.vendors':
    'En butik får kun at vide, hvad du køber, og hvad det koster. Den får ikke dit cpr-nummer.',
  'privacy.citizen.who.agency': 'Socialstyrelsen får kun tal. De får aldrig dit navn.',
  'privacy.citizen.who.none': 'Ingen andre får dine data. Kun hvis en lov siger det.',

  'privacy.citizen.keep.heading': 'Hvor længe gemmer vi dine data?',
  'privacy.citizen.keep.months':
    'Vi gemmer dem i {months} måneder, efter dit forløb er slut. Så sletter vi dit navn, dit cpr-nummer og dine noter. Kun tal uden navn bliver.',
  'privacy.citizen.keep.years':
    'Vi gemmer dem i {months} måneder ({years} år), efter dit forløb er slut. Så sletter vi dit navn, dit cpr-nummer og dine noter. Kun tal uden navn bliver.',
  'privacy.citizen.keep.hold': 'Klager du, eller er der en sag i retten? Så gemmer vi dem, til den er slut.',

  'privacy.citizen.rights.heading': 'Det har du ret til',
  'privacy.citizen.rights.access': 'Du må se dine data.',
  'privacy.citizen.rights.accessLink': 'Se Mine data',
  'privacy.citizen.rights.accessAll': 'Vil du se alt, også noter kun for de ansatte? Så spørg os.',
  'privacy.citizen.rights.rectify': 'Er noget forkert? Så retter vi det.',
  'privacy.citizen.rights.restrict': 'Du kan bede os om at lade dine data ligge. Fx mens vi ser på en fejl.',
  'privacy.citizen.rights.erase.public_task':
    'Du kan bede os slette dine data. Men tit siger loven, at vi skal gemme dem. Så sletter vi dem, når tiden er gået.',
  'privacy.citizen.rights.erase.consent': 'Du kan bede os slette dine data.',
  'privacy.citizen.rights.object.public_task':
    'Du kan sige imod, at vi bruger dine data. Så skal vi se på, om vi må blive ved.',
  'privacy.citizen.rights.object.consent': 'Du kan tage dit ja tilbage når som helst.',
  'privacy.citizen.rights.complain':
    'Du kan klage til Datatilsynet. Adressen er Carl Jacobsens Vej 35, 2500 Valby.',
  'privacy.citizen.rights.complainLink': 'datatilsynet.dk',

  'privacy.citizen.how.heading': 'Sådan gør du',
  'privacy.citizen.how.support': 'Tal med din støtteperson.',
  'privacy.citizen.how.contact': 'Du kan også skrive til:',
  'privacy.citizen.how.municipality': 'Du kan også kontakte {municipality}.',
  'privacy.citizen.how.answer': 'Vi svarer dig inden for en måned.',

  'privacy.citizen.log.heading': 'Hvem har set dine data?',
  'privacy.citizen.log.text': 'Hver gang en ansat ser dine data, skriver vi det ned. Du kan se listen.',
  'privacy.citizen.log.link': 'Se hvem der har set mine oplysninger',

  'privacy.citizen.people.heading': 'Et menneske beslutter',
  'privacy.citizen.people.text':
    'Det er altid en ansat, der beslutter noget om dig. Aldrig en computer alene.',
} as const;
