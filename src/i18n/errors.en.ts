import type { errorsDa } from './errors.da.ts';

// What an error says to the user (conventions: Typed errors): the errors' codes stay in code, their words
// are here. In English (spread into en.ts).
export const errorsEn: Record<keyof typeof errorsDa, string> = {
  'error.default.notFound': 'The page or information does not exist.',
  'error.default.unauthenticated': 'You must log in.',
  'error.default.validationFailed': 'There are errors in what you entered.',
  'error.default.unavailable':
    'Borgerbudget cannot reach its database right now. Nothing was saved. Please try again shortly.',
  'error.api.unauthenticated': 'Log in, or send a valid API token.',
  'error.api.notFound': 'Not found.',
  'error.api.csrf': 'Cross-site request refused.',
  'error.api.unavailable':
    'The database cannot be reached. Nothing was saved; retry with the same Idempotency-Key.',
  'error.api.internal': 'Something went wrong. Nothing was saved.',
  'error.api.invalidJson': 'The request body is not valid JSON.',
  'error.api.idempotencyKeyMissing': 'The Idempotency-Key is missing.',
  'error.controlInRequest':
    'The address or a cookie contains a control character, which is not allowed. Check the link and try again.',
  'error.tooLarge': 'The request is too large. A file may be at most 10 MB.',
  'error.command.inProgress': 'Your action is already being processed. Wait a moment and try again.',
  'error.command.idempotencyMismatch': 'The key has already been used for a different request.',
  'error.access.tooManyAttempts': 'Too many attempts. Wait {seconds} seconds and try again.',
  'error.access.loginFailed': 'Wrong e-mail, mobile number or password.',
  'error.access.activationFailed': 'The code does not match. It may have been used already, or be too old.',
  'error.access.codeFailed': 'The e-mail address or the code is wrong, or the code has expired.',
  'error.access.signInLevelTooLow':
    "Your municipality requires a stronger log-in before money or personal data is changed. Log out, and log in again with MitID, the municipality's log-in or a code from your authenticator app.",
  'error.access.citizenAccessClosed': "The citizen's access is closed.",
  'error.access.cannotDeactivateSelf': 'You cannot deactivate yourself.',
  'error.access.userDeactivated': 'The user is deactivated.',
  'error.import.busy': 'The same cases are being imported right now. Wait a moment and try again.',
  'error.demo.production': 'Demo data cannot be loaded in production (NODE_ENV=production).',
  'error.case.alreadyOpen': 'The citizen already has an open case in this programme.',
  'error.case.dateInFuture': 'The date cannot be after today.',
  'error.case.conditionsBeforeLeadIn':
    'The conditions are gone through once the citizen has been accepted into the programme.',
  'error.plan.notOpen': 'The plan is made once the citizen has been accepted into the programme.',
  'error.plan.goalHasSubGoals': 'The goal has sub-goals. Link them to another goal first.',
  'error.money.grantCaseNotOpen': 'Money can only be granted to a case in progress.',
  'error.money.vendorExists': 'A vendor with this CVR number is already on the list.',
  'error.money.vendorProposed':
    'A vendor with this CVR number has already been proposed. It is waiting for finance to approve it.',
  'error.money.vendorDecided': 'The proposal has already been approved or rejected.',
  'error.money.requestClosed': 'Attachments cannot be added to a cancelled or rejected request.',
  'error.money.requestsCaseNotOpen': 'Requests can only be written for a case in progress.',
  'error.money.submitNeedsActive': 'Sending a request requires the case to be active.',
  'error.money.approveNeedsActive': 'Approving a request requires the case to be active.',
  'error.money.notConfirmed': 'The citizen must confirm the request before it is sent.',
  'error.money.inPaymentFile':
    'The request is in a payment file and is paid when the file is marked as sent.',
  'error.money.nothingToPay': 'There are no approved bank transfers to pay.',
  'error.money.alreadyInBatch': 'One of the requests is already in another payment file.',
  'error.money.noMunicipalAccount':
    "The municipality's bank account is not set up, so no payment file can be made.",
  'error.money.batchAlreadySent': 'The payment file is already marked as sent.',
  'error.money.batch.notApproved':
    'Case {caseNumber} request {requestNumber} is not approved and is not waiting for payment.',
  'error.money.batch.notBankTransfer':
    'Case {caseNumber} request {requestNumber} is not paid by bank transfer.',
  'error.money.batch.noVendorAccount':
    'Case {caseNumber} request {requestNumber}: the vendor has no bank account on the list.',
  'error.money.batch.inOtherBatch':
    'Case {caseNumber} request {requestNumber} is already in the payment file {messageId}.',
  'error.money.batch.noAccount': 'Case {caseNumber} request {requestNumber}: no account.',
  'error.questionnaire.notStarted': 'The questionnaires can only be answered once the case has started.',
  'error.questionnaire.notDue':
    'The end questionnaire can be answered in the last month of the case or when it ends.',
  'error.questionnaire.incomplete':
    'The questionnaire can only be saved as finished when every question has been answered.',
  'error.questionnaire.empty': 'Answer at least one question before you save.',
  'error.sentences': '{sentences}',
};
