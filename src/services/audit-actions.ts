import type { MessageKey } from '../i18n/index.ts';

// Every action the audit log records, each with the sentence that says it in words (spec: Audit log). The
// writers take their action from this list (AuditInput.action), so a new action cannot be recorded
// before it has a sentence in both languages. A sentence names what happened, never the content: no
// note, reason or other free text, no name (the lists show who did it beside it). The steps of a case
// share their words with the case's timeline (`event.*`).

export const AUDIT_SENTENCES = {
  'apiToken.issue': 'audit.apiToken.issue',
  'apiToken.revoke': 'audit.apiToken.revoke',
  'case.refer': 'event.referred',
  'case.startScreening': 'event.screening_started',
  'case.accept': 'event.accepted',
  'case.decline': 'event.declined',
  'case.activate': 'event.activated',
  'case.pause': 'event.paused',
  'case.resume': 'event.resumed',
  'case.complete': 'event.completed',
  'case.terminate': 'event.terminated',
  'case.assignSupport': 'audit.case.assignSupport',
  'case.acknowledgeConditions': 'event.conditions_acknowledged',
  'case.updateIntake': 'event.intake_updated',
  'case.updateReferral': 'event.referral_updated',
  'case.setLegalHold': 'audit.case.setLegalHold',
  'case.liftLegalHold': 'audit.case.liftLegalHold',
  'case.anonymise': 'audit.case.anonymise',
  'citizen.register': 'audit.citizen.register',
  'citizen.update': 'audit.citizen.update',
  'citizen.issueActivationCode': 'audit.citizen.issueActivationCode',
  'citizen.activate': 'audit.citizen.activate',
  'cpr.rotate': 'audit.cpr.rotate',
  'dataSubject.access': 'audit.dataSubject.access',
  'dataSubject.restrict': 'audit.dataSubject.restrict',
  'dataSubject.liftRestriction': 'audit.dataSubject.liftRestriction',
  'dataSubject.erase': 'audit.dataSubject.erase',
  'demo.createCase': 'audit.demo.createCase',
  'import.run': 'audit.import.run',
  'ledger.grant': 'audit.ledger.grant',
  'ledger.reservation': 'audit.ledger.reservation',
  'ledger.reservation_release': 'audit.ledger.reservation_release',
  'ledger.payment': 'audit.ledger.payment',
  'ledger.refund': 'audit.ledger.refund',
  'ledger.return_to_pool': 'audit.ledger.return_to_pool',
  'mail.queue': 'audit.mail.queue',
  'note.write': 'audit.note.write',
  'payment.createBatch': 'audit.payment.createBatch',
  'payment.markSent': 'audit.payment.markSent',
  'personal_data.export': 'audit.personal_data.export',
  'plan.create': 'audit.plan.create',
  'plan.update': 'audit.plan.update',
  'plan.delete': 'audit.plan.delete',
  'programme.create': 'audit.programme.create',
  'programme.updateSettings': 'audit.programme.updateSettings',
  'purchase.create': 'audit.purchase.create',
  'purchase.propose': 'audit.purchase.propose',
  'purchase.edit': 'audit.purchase.edit',
  'purchase.confirm': 'audit.purchase.confirm',
  'purchase.decline': 'audit.purchase.decline',
  'purchase.submit': 'audit.purchase.submit',
  'purchase.approve': 'audit.purchase.approve',
  'purchase.reject': 'audit.purchase.reject',
  'purchase.cancel': 'audit.purchase.cancel',
  'purchase.pay': 'audit.purchase.pay',
  'purchase.refund': 'audit.purchase.refund',
  'purchase.attach': 'audit.purchase.attach',
  'questionnaire.save': 'audit.questionnaire.save',
  'secondFactor.enrol': 'audit.secondFactor.enrol',
  'secondFactor.useRecoveryCode': 'audit.secondFactor.useRecoveryCode',
  'secondFactor.newRecoveryCodes': 'audit.secondFactor.newRecoveryCodes',
  'secondFactor.turnOff': 'audit.secondFactor.turnOff',
  'secondFactor.reset': 'audit.secondFactor.reset',
  'session.login': 'audit.session.login',
  'session.logout': 'audit.session.logout',
  'sso.updateSettings': 'audit.sso.updateSettings',
  'sso.setGroupRole': 'audit.sso.setGroupRole',
  'sso.removeGroupRole': 'audit.sso.removeGroupRole',
  'user.create': 'audit.user.create',
  'user.deactivate': 'audit.user.deactivate',
  'user.issueResetCode': 'audit.user.issueResetCode',
  'user.setPassword': 'audit.user.setPassword',
  'user.setNotify': 'audit.user.setNotify',
  'user.ssoUpdate': 'audit.user.ssoUpdate',
  'vendor.create': 'audit.vendor.create',
  'vendor.issuePin': 'audit.vendor.issuePin',
  'vendor.propose': 'audit.vendor.propose',
  'vendor.approve': 'audit.vendor.approve',
  'vendor.reject': 'audit.vendor.reject',
  'voucher.issue': 'audit.voucher.issue',
  'voucher.redeem': 'audit.voucher.redeem',
  'voucher.cancel': 'audit.voucher.cancel',
  'voucher.expire': 'audit.voucher.expire',
} as const satisfies Record<string, MessageKey>;

export type AuditAction = keyof typeof AUDIT_SENTENCES;

export const AUDIT_ACTIONS = Object.keys(AUDIT_SENTENCES) as readonly AuditAction[];

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_SENTENCES, action);
}

/** The sentence of a stored event's action; null for an action no writer records any more. */
export function auditSentence(action: string): MessageKey | null {
  return isAuditAction(action) ? AUDIT_SENTENCES[action] : null;
}
