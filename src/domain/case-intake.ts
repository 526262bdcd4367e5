// What is recorded about a case at referral and intake (spec: Referral; spec: Intake baseline), and how the
// conditions were acknowledged. Codes are stable identifiers in the database, the API and imports; labels are
// what people read. Diagnoses and criminal records are deliberately absent: the report took those from
// registers, and the scheme does not need them (data minimisation; spec: Not stored).

import type { BilingualLabel } from './plan.ts';

/**
 * Who suggested the citizen (2020 evaluation report, §6.5 "Visitering af borgere": referrals came from many
 * places).
 */
export const REFERRAL_SOURCES = [
  'jobcenter',
  'street_team',
  'housing_support',
  'shelter',
  'substance_treatment',
  'psychiatry',
  'social_services',
  'self',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_SOURCE_LABELS: Readonly<Record<ReferralSource, BilingualLabel>> = {
  jobcenter: { da: 'Jobcenter', en: 'Job centre' },
  street_team: { da: 'Gadeteam / opsøgende team', en: 'Street team / outreach' },
  housing_support: { da: 'Bostøtte', en: 'Housing support' },
  shelter: { da: 'Forsorgshjem eller herberg', en: 'Shelter or hostel' },
  substance_treatment: { da: 'Misbrugsbehandling', en: 'Substance abuse treatment' },
  psychiatry: { da: 'Psykiatrien', en: 'Psychiatric services' },
  social_services: { da: 'Socialforvaltningen', en: 'Social services' },
  self: { da: 'Borgeren selv', en: 'The citizen' },
  other: { da: 'Andet', en: 'Other' },
};

/** The target-group flags of the intake baseline (spec: Intake baseline). Several may apply. */
export const TARGET_GROUPS = ['homelessness', 'substance_abuse', 'mental_illness', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, BilingualLabel>> = {
  homelessness: { da: 'Hjemløshed', en: 'Homelessness' },
  substance_abuse: { da: 'Misbrug', en: 'Substance abuse' },
  mental_illness: { da: 'Psykisk sårbarhed eller sygdom', en: 'Mental illness or vulnerability' },
  other: { da: 'Andre sociale problemer', en: 'Other social problems' },
};

/** How the citizen acknowledged the conditions before the start (spec: Conditions). */
export const ACKNOWLEDGEMENT_METHODS = ['in_person', 'on_paper', 'in_portal'] as const;
export type AcknowledgementMethod = (typeof ACKNOWLEDGEMENT_METHODS)[number];

export const ACKNOWLEDGEMENT_METHOD_LABELS: Readonly<Record<AcknowledgementMethod, BilingualLabel>> = {
  in_person: { da: 'Mundtligt ved et møde', en: 'In person' },
  on_paper: { da: 'Underskrevet på papir', en: 'Signed on paper' },
  in_portal: { da: 'I borgerportalen', en: 'In the citizen portal' },
};

/**
 * Languages a citizen may prefer (ISO 639-1). The UI speaks Danish and English; the others tell the
 * support person that an interpreter or translated material may be needed.
 */
export const PREFERRED_LANGUAGES = [
  'da',
  'en',
  'ar',
  'de',
  'fa',
  'ku',
  'pl',
  'ro',
  'so',
  'ti',
  'tr',
  'uk',
  'ur',
] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

export const PREFERRED_LANGUAGE_LABELS: Readonly<Record<PreferredLanguage, BilingualLabel>> = {
  da: { da: 'Dansk', en: 'Danish' },
  en: { da: 'Engelsk', en: 'English' },
  ar: { da: 'Arabisk', en: 'Arabic' },
  de: { da: 'Tysk', en: 'German' },
  fa: { da: 'Persisk (farsi)', en: 'Persian (Farsi)' },
  ku: { da: 'Kurdisk', en: 'Kurdish' },
  pl: { da: 'Polsk', en: 'Polish' },
  ro: { da: 'Rumænsk', en: 'Romanian' },
  so: { da: 'Somali', en: 'Somali' },
  ti: { da: 'Tigrinya', en: 'Tigrinya' },
  tr: { da: 'Tyrkisk', en: 'Turkish' },
  uk: { da: 'Ukrainsk', en: 'Ukrainian' },
  ur: { da: 'Urdu', en: 'Urdu' },
};
