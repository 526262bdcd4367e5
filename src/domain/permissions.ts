import type { Role } from './roles.ts';

// One permission table (spec: Permissions): which role may attempt which action. Whether the actor may do it
// to a particular thing (same municipality, assigned case) is checked by services/access.ts.
export const ACTIONS = [
  'user.list',
  'user.create',
  'user.deactivate',
  'user.issueResetCode',
  // Ends a staff user's second factor, so they enrol again (spec: Staff log-in).
  'user.resetSecondFactor',
  // A staff user's own second factor: enrol, new recovery codes, turn off (spec: Staff log-in).
  'signIn.secondFactor',
  'apiToken.manage',
  // The municipality's own log-in for staff: on or off, its claim value, the group→role mapping.
  'sso.manage',
  'programme.view',
  'programme.editRules',
  'audit.view',
  'report.viewMunicipality',
  'report.viewNational',
  // Citizens, cases, plans and notes. Which case: services/access.ts authorizeCase.
  'citizen.register',
  'citizen.search',
  'citizen.read',
  'citizen.update',
  'citizen.revealCpr',
  // The citizen's portal log-in (spec: Citizen log-in): a one-time code from the people on their case.
  'citizen.issueActivationCode',
  'case.list',
  'case.overview',
  'case.refer',
  'case.screen',
  'case.read',
  'case.update',
  'case.assignSupport',
  'case.acknowledgeConditions',
  'case.activate',
  'case.pause',
  'case.close',
  'plan.edit',
  'note.read',
  'note.write',
  'note.readInternal',
  // Money. Which case: authorizeCase; finance works on the municipality's payments, never
  // on case content.
  'budget.read',
  'budget.grant',
  'purchase.write',
  'purchase.approve',
  'purchase.attach',
  'purchase.readAttachment',
  'vendor.read',
  'vendor.manage',
  // A support person proposes a vendor; those who manage the list decide (spec: Vendors).
  'vendor.propose',
  'payment.queue',
  'payment.register',
  'payment.file',
  'bookkeeping.export',
  // Questionnaires (spec: Who answers). Which case: authorizeCase; which instrument:
  // questionnaire/instrument.ts entryMode (the respondent, or the support person on a citizen's behalf).
  'questionnaire.read',
  'questionnaire.answer',
  // Importing existing programme data into the coordinator's own municipality (spec: Import).
  'import.run',
  // When a closed case's personal data is anonymised, and the legal hold that stops it (spec: Retention).
  'case.retention',
  // The citizen's requests about their data on a case (spec: Data-subject requests): the full copy,
  // restriction and erasure, handled by the municipality's coordinator.
  'dataSubject.handle',
  // The citizen's own portal (spec: Own case only): their own case only, resolved from the log-in
  // (services/portal.service.ts), never by an id from the request.
  'portal.use',
  // E-mail notifications (spec: E-mail notifications): staff choose their own; the administrator sees the
  // municipality's outbox.
  'mail.chooseNotify',
  'mail.outbox',
] as const;

export type Action = (typeof ACTIONS)[number];

// The work on a case: the support person on the cases assigned to them, the coordinator on all cases
// of the municipality (spec: Case assignment).
const CASE_WORK: readonly Action[] = [
  'case.list',
  'case.read',
  'case.update',
  'case.acknowledgeConditions',
  'case.activate',
  'case.pause',
  'case.close',
  'plan.edit',
  'note.read',
  'note.write',
  'note.readInternal',
  'citizen.read',
  'citizen.update',
  'citizen.revealCpr',
  'citizen.issueActivationCode',
  'budget.read',
  'purchase.write',
  'purchase.approve',
  'purchase.attach',
  'purchase.readAttachment',
  'vendor.read',
];
// Running the programme: referrals, screening, assignment, the municipality's overview (spec: Roles).
const CASE_MANAGEMENT: readonly Action[] = [
  'case.overview',
  'case.refer',
  'case.screen',
  'case.assignSupport',
  'citizen.register',
  'citizen.search',
  'budget.grant',
  'vendor.manage',
];

const TABLE: Record<Role, readonly Action[]> = {
  // Their own case only (access.ts); internal notes stay hidden (spec: Follow-up notes); their own
  // questionnaires only (questionnaire.service.ts).
  citizen: ['portal.use', 'note.read', 'questionnaire.read', 'questionnaire.answer'],
  // The support person answers their own questionnaires and enters the citizen's (spec: Who answers).
  support: [
    'programme.view',
    ...CASE_WORK,
    'vendor.propose',
    'questionnaire.read',
    'questionnaire.answer',
    'mail.chooseNotify',
    'signIn.secondFactor',
  ],
  coordinator: [
    'programme.view',
    'programme.editRules',
    'audit.view',
    'report.viewMunicipality',
    ...CASE_WORK,
    ...CASE_MANAGEMENT,
    // Reads the answers; the questions are put to the citizen and the support person (spec: Who answers).
    'questionnaire.read',
    'import.run',
    'case.retention',
    'dataSubject.handle',
    'mail.chooseNotify',
    'signIn.secondFactor',
  ],
  // Approved requests and their payments: amount, vendor, category, case number (spec: Payments).
  finance: [
    'programme.view',
    'vendor.read',
    'vendor.manage',
    'purchase.attach',
    'purchase.readAttachment',
    'payment.queue',
    'payment.register',
    'payment.file',
    'bookkeeping.export',
    'mail.chooseNotify',
    'signIn.secondFactor',
  ],
  // IT administration: users and roles only, never case content (spec: Roles).
  admin: [
    'user.list',
    'user.create',
    'user.deactivate',
    'user.issueResetCode',
    'user.resetSecondFactor',
    'apiToken.manage',
    'sso.manage',
    'mail.outbox',
    'mail.chooseNotify',
    'signIn.secondFactor',
  ],
  // National, anonymised reports only; never a single person's data (spec: Selection).
  evaluator: ['report.viewNational', 'signIn.secondFactor'],
};

export function isAllowed(role: Role, action: Action): boolean {
  return TABLE[role].includes(action);
}
