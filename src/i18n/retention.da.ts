// Retention (spec: Retention): the programme's settings on personal data, the legal hold on a case, the
// refusals, and the audit log's words for them. Spread into da.ts.
export const retentionDa = {
  'programme.section.privacy': 'Personoplysninger',
  'programme.retentionMonths': 'Anonymisering efter afslutning, i måneder',
  'programme.retentionMonthsHint':
    'Personoplysninger i afsluttede forløb anonymiseres dette antal måneder efter afslutning. Tallene til evalueringen bliver. Standard er 60 måneder (5 år), højst 240.',
  'programme.retentionValue': '{months} måneder efter afslutning',
  'programme.legalBasis': 'Retsgrundlag',
  'programme.legalBasisHint': 'Hvorfor kommunen må behandle borgerens oplysninger.',
  'programme.legalBasis.public_task':
    'Kommunens opgave: kommunen behandler oplysningerne, fordi loven giver den opgaven. Borgeren kan ikke få dem slettet før tid.',
  'programme.legalBasis.consent':
    'Samtykke: borgeren har sagt ja til, at kommunen behandler oplysningerne. Borgeren kan bede om at få dem slettet.',
  'programme.privacyContact': 'Kontakt om personoplysninger',
  'programme.privacyContactHint':
    'Hvor borgerne kan spørge om deres oplysninger, fx kommunens databeskyttelsesrådgiver. En e-mailadresse eller et telefonnummer. Vises på siden om privatliv.',
  'field.programme.retention.notWhole': 'Antallet af måneder skal være et helt tal.',
  'field.programme.retention.min': 'Antallet af måneder skal være mindst {minimum}.',
  'field.programme.retention.max': 'Antallet af måneder må højst være {maximum}.',
  'field.programme.legalBasis': 'Vælg ordningens retsgrundlag.',
  'field.programme.privacyContact': 'Skriv en kontakt på 3 til 254 tegn, eller lad feltet være tomt.',
  'field.retention.reason': 'Skriv, hvorfor forløbet ikke må anonymiseres.',
  'retention.refused.anonymised': 'Forløbet er allerede anonymiseret.',
  'retention.refused.notClosed': 'Kun et afsluttet forløb kan anonymiseres.',
  'retention.refused.held': 'Forløbet må ikke anonymiseres: der er et stop for anonymisering.',
  'retention.refused.restricted': 'Forløbet er begrænset efter borgerens ønske og anonymiseres ikke nu.',
  'retention.refused.notDue': 'Forløbets tid til anonymisering er ikke kommet endnu.',
  'retention.refused.noHold': 'Forløbet har ikke et stop for anonymisering.',
} as const;
