// What is recorded about a case at referral and intake (spec: Referral; spec: Intake baseline), and how the
// conditions were acknowledged. Codes are stable identifiers in the database, the API and imports; labels are
// what people read. Diagnoses and criminal records are deliberately absent: the report took those from
// registers, and the scheme does not need them (data minimisation; spec: Not stored).

import type { MessageKey } from '../i18n/index.ts';

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

export const REFERRAL_SOURCE_LABELS: Readonly<Record<ReferralSource, MessageKey>> = {
  jobcenter: 'label.referralSource.jobcenter',
  street_team: 'label.referralSource.street_team',
  housing_support: 'label.referralSource.housing_support',
  shelter: 'label.referralSource.shelter',
  substance_treatment: 'label.referralSource.substance_treatment',
  psychiatry: 'label.referralSource.psychiatry',
  social_services: 'label.referralSource.social_services',
  self: 'label.referralSource.self',
  other: 'label.referralSource.other',
};

/** The target-group flags of the intake baseline (spec: Intake baseline). Several may apply. */
export const TARGET_GROUPS = ['homelessness', 'substance_abuse', 'mental_illness', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, MessageKey>> = {
  homelessness: 'label.targetGroup.homelessness',
  substance_abuse: 'label.targetGroup.substance_abuse',
  mental_illness: 'label.targetGroup.mental_illness',
  other: 'label.targetGroup.other',
};

/** How the citizen acknowledged the conditions before the start (spec: Conditions). */
export const ACKNOWLEDGEMENT_METHODS = ['in_person', 'on_paper', 'in_portal'] as const;
export type AcknowledgementMethod = (typeof ACKNOWLEDGEMENT_METHODS)[number];

export const ACKNOWLEDGEMENT_METHOD_LABELS: Readonly<Record<AcknowledgementMethod, MessageKey>> = {
  in_person: 'label.acknowledgementMethod.in_person',
  on_paper: 'label.acknowledgementMethod.on_paper',
  in_portal: 'label.acknowledgementMethod.in_portal',
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

export const PREFERRED_LANGUAGE_LABELS: Readonly<Record<PreferredLanguage, MessageKey>> = {
  da: 'label.preferredLanguage.da',
  en: 'label.preferredLanguage.en',
  ar: 'label.preferredLanguage.ar',
  de: 'label.preferredLanguage.de',
  fa: 'label.preferredLanguage.fa',
  ku: 'label.preferredLanguage.ku',
  pl: 'label.preferredLanguage.pl',
  ro: 'label.preferredLanguage.ro',
  so: 'label.preferredLanguage.so',
  ti: 'label.preferredLanguage.ti',
  tr: 'label.preferredLanguage.tr',
  uk: 'label.preferredLanguage.uk',
  ur: 'label.preferredLanguage.ur',
};
