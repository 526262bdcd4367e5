import { z } from 'zod';
import { ACKNOWLEDGEMENT_METHODS, REFERRAL_SOURCES, TARGET_GROUPS } from '../../domain/case-intake.ts';
import { CASE_PHASES } from '../../domain/case-lifecycle.ts';
import { CASE_SORTS } from '../../domain/list-orders.ts';
import { EDUCATION, INCOME_SOURCE, type Education, type IncomeSource } from '../../domain/report/scales.ts';
import {
  checkbox,
  codeSet,
  id,
  optionalCode,
  optionalDate,
  optionalText,
  say,
  text,
} from '../form-fields.ts';
import { pageFields, searchText } from '../paging.ts';

// One schema per case form and API call (conventions: Input validation). Field names are the keys of
// ValidationFailed.fields. A date left empty means today; the state machine checks the order of dates.

const reason = text('field.case.reason', 4000, 'multi');

const referralReason = text('field.case.referralReason', 4000, 'multi');

export const ReferInput = z.object({
  citizenId: id('field.case.citizenId'),
  programmeId: id('field.case.programmeId'),
  source: z.enum(REFERRAL_SOURCES, { error: say('field.case.source') }),
  reason: referralReason,
  referredOn: optionalDate,
});
export type ReferInput = z.input<typeof ReferInput>;

export const UpdateReferralInput = z.object({
  source: z.enum(REFERRAL_SOURCES, { error: say('field.case.source') }),
  reason: referralReason,
});
export type UpdateReferralInput = z.input<typeof UpdateReferralInput>;

/** Accept or decline at screening, terminate early: a date and a reason. */
export const DatedReasonInput = z.object({ date: optionalDate, reason });
export type DatedReasonInput = z.input<typeof DatedReasonInput>;

/** Resume or complete: a date. */
export const DatedInput = z.object({ date: optionalDate });
export type DatedInput = z.input<typeof DatedInput>;

export const ActivateInput = z.object({ startDate: optionalDate });
export type ActivateInput = z.input<typeof ActivateInput>;

export const PauseInput = z.object({ from: optionalDate, reason });
export type PauseInput = z.input<typeof PauseInput>;

export const AssignSupportInput = z.object({
  supportUserId: id('field.case.supportUserId'),
  coordinatorUserId: optionalText(100),
  from: optionalDate,
  // Required when the case already has a support person (the service knows): why the change.
  reason: optionalText(2000, 'multi'),
});
export type AssignSupportInput = z.input<typeof AssignSupportInput>;

export const AcknowledgeConditionsInput = z.object({
  date: optionalDate,
  method: z.enum(ACKNOWLEDGEMENT_METHODS, { error: say('field.case.acknowledgementMethod') }),
});
export type AcknowledgeConditionsInput = z.input<typeof AcknowledgeConditionsInput>;

const INCOME_CODES = INCOME_SOURCE.codes as readonly [IncomeSource, ...IncomeSource[]];
const EDUCATION_CODES = EDUCATION.codes as readonly [Education, ...Education[]];

/**
 * The intake baseline (spec: Intake baseline): only with the citizen's consent, and then every part optional.
 */
export const IntakeInput = z
  .object({
    baselineConsent: checkbox,
    targetGroups: codeSet(TARGET_GROUPS, 'field.case.targetGroups'),
    incomeSource: optionalCode(INCOME_CODES, 'field.case.incomeSource'),
    highestEducation: optionalCode(EDUCATION_CODES, 'field.case.education'),
  })
  .refine(
    (v) =>
      v.baselineConsent ||
      (v.targetGroups.length === 0 && v.incomeSource === null && v.highestEducation === null),
    {
      path: ['baselineConsent'],
      message: say('field.case.consent'),
    },
  );
export type IntakeInput = z.input<typeof IntakeInput>;

/** What both case lists take (spec: Lists): page, size, order, search, and the phase. */
const caseListFields = {
  ...pageFields(CASE_SORTS),
  q: searchText,
  phase: optionalCode(CASE_PHASES, 'field.case.phase'),
  includeClosed: checkbox,
};

export const CaseloadOptions = z
  .object(caseListFields)
  .optional()
  .transform((v) => v ?? z.object(caseListFields).parse({}));
export type CaseloadOptions = z.input<typeof CaseloadOptions>;

const overviewFields = {
  ...caseListFields,
  supportUserId: optionalText(100),
  overdueOnly: checkbox,
  /** Only cases with a questionnaire past its time (spec: Due dates). */
  questionnairesOverdue: checkbox,
};

export const CaseOverviewFilter = z
  .object(overviewFields)
  .optional()
  .transform((v) => v ?? z.object(overviewFields).parse({}));
export type CaseOverviewFilter = z.input<typeof CaseOverviewFilter>;
