import type { retentionDa } from './retention.da.ts';

// Retention (spec: Retention), in English (spread into en.ts).
export const retentionEn: Record<keyof typeof retentionDa, string> = {
  'programme.section.privacy': 'Personal data',
  'programme.retentionMonths': 'Anonymisation after closing, in months',
  'programme.retentionMonthsHint':
    'Personal data in closed cases is anonymised this many months after closing. The figures for the evaluation stay. The default is 60 months (5 years), at most 240.',
  'programme.retentionValue': '{months} months after closing',
  'programme.legalBasis': 'Legal basis',
  'programme.legalBasisHint': "Why the municipality may process the citizen's data.",
  'programme.legalBasis.public_task':
    "The municipality's task: the municipality processes the data because the law gives it the task. The citizen cannot have it erased early.",
  'programme.legalBasis.consent':
    'Consent: the citizen has agreed that the municipality processes the data. The citizen may ask for it to be erased.',
  'programme.privacyContact': 'Contact about personal data',
  'programme.privacyContactHint':
    "Where citizens can ask about their data, e.g. the municipality's data protection officer. An e-mail address or a phone number. Shown on the privacy page.",
  'field.programme.retention.notWhole': 'The number of months must be a whole number.',
  'field.programme.retention.min': 'The number of months must be at least {minimum}.',
  'field.programme.retention.max': 'The number of months can be at most {maximum}.',
  'field.programme.legalBasis': "Choose the programme's legal basis.",
  'field.programme.privacyContact': 'Write a contact of 3 to 254 characters, or leave the field empty.',
  'field.retention.reason': 'Write why the case must not be anonymised.',
  'retention.refused.anonymised': 'The case has already been anonymised.',
  'retention.refused.notClosed': 'Only a closed case can be anonymised.',
  'retention.refused.held': 'The case must not be anonymised: anonymisation has been stopped.',
  'retention.refused.restricted':
    "The case is restricted at the citizen's request and is not anonymised now.",
  'retention.refused.notDue': 'The time to anonymise the case has not come yet.',
  'retention.refused.noHold': 'Anonymisation of the case has not been stopped.',
} as const;
