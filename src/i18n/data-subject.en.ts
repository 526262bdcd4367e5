import type { dataSubjectDa } from './data-subject.da.ts';

// The words of the citizen's requests about their data in English (spread into en.ts).
export const dataSubjectEn: Record<keyof typeof dataSubjectDa, string> = {
  'dataSubject.link': 'Personal data and requests',
  'dataSubject.title': 'Personal data and requests',
  'dataSubject.intro':
    "Here you see when the citizen's personal data in the case will be anonymised. Here you also handle the citizen's requests for access, restriction and erasure. Each request is recorded and shown to the citizen.",
  'dataSubject.back': 'Back to personal data and requests',
  'dataSubject.done': 'Done',
  'dataSubject.done.hold': 'The case is on legal hold. It will not be anonymised.',
  'dataSubject.done.holdLifted': 'The legal hold is lifted.',
  'dataSubject.done.restricted': 'Processing is restricted. The case can now only be read.',
  'dataSubject.done.restrictionLifted': 'The restriction is lifted. The case can be changed again.',
  'dataSubject.done.erased': "The citizen's personal data in the case is erased.",
  'dataSubject.tag.restricted': 'Restricted',
  'dataSubject.note': 'Note (optional)',
  'dataSubject.basis.public_task': "the municipality's public task",
  'dataSubject.basis.consent': "the citizen's consent",

  'dataSubject.retention.title': 'Anonymisation',
  'dataSubject.retention.due': 'The personal data in the case will be anonymised on {date}.',
  'dataSubject.retention.anonymised': 'The personal data in the case was anonymised on {date}.',
  'dataSubject.retention.open':
    'The case is not closed yet. Its personal data is anonymised {months} months after the case is closed.',
  'dataSubject.retention.stoppedByHold': 'But not while the case is on legal hold.',
  'dataSubject.retention.stoppedByRestriction': 'But not while processing is restricted.',
  'dataSubject.retention.rule':
    'The programme keeps personal data for {months} months after closing. Processing rests on {basis}.',
  'dataSubject.hold.title': 'Legal hold',
  'dataSubject.hold.none':
    'The case is not on legal hold. Put it on hold if the data must be kept longer, e.g. because of a complaint or a court case.',
  'dataSubject.hold.since': 'On hold since {date}. Reason:',
  'dataSubject.hold.reason': 'Reason for the legal hold',
  'dataSubject.hold.reasonHint': 'E.g. a complaint or a court case. The citizen may see the reason.',
  'dataSubject.hold.set': 'Put the case on hold',
  'dataSubject.hold.lift': 'Lift the legal hold',

  'dataSubject.copy.title': 'Full copy (access)',
  'dataSubject.copy.intro':
    "The citizen has the right to a copy of all data about them (GDPR Article 15). The full copy also holds the internal notes, the support person's questionnaires, who has seen the data and the events of the case. Making the copy is recorded as a request for access.",
  'dataSubject.copy.noteHint': 'E.g. how and when the citizen asked for the copy.',
  'dataSubject.copy.html': 'Show the copy to print',
  'dataSubject.copy.json': 'Download the copy as a file (JSON)',
  'dataSubject.copy.pageTitle': 'All data about {name}',
  'dataSubject.copy.made': 'Copy from {authority}, made {when} by {by}.',
  'dataSubject.copy.print':
    "Use the browser's print function to print the copy. The menu and the buttons are left off the paper.",
  'dataSubject.copy.cprGone': 'Erased',
  'dataSubject.copy.internalNote': '(internal note)',
  'dataSubject.copy.vouchers': 'Vouchers',
  'dataSubject.copy.voucherFor': 'Purchase',
  'dataSubject.copy.voucherRequest': 'No. {number}: {title}',
  'dataSubject.copy.voucherStatus': 'Status',
  'dataSubject.copy.voucherMax': 'At most',
  'dataSubject.copy.voucherExpires': 'Expires',
  'dataSubject.copy.voucherRedeemed': 'Redeemed',
  'dataSubject.copy.when': 'When',
  'dataSubject.copy.who': 'Who',
  'dataSubject.copy.what': 'What',
  'dataSubject.copy.audit': 'Events in the case',
  'dataSubject.copy.auditIntro':
    "This is the municipality's log of what was done in your cases, and by whom. The log does not keep the texts themselves.",

  'dataSubject.restriction.title': 'Restriction of processing',
  'dataSubject.restriction.intro':
    'The citizen may ask for processing to be restricted (Article 18), e.g. while the accuracy of the data is checked. The case can then only be read: nobody can change the plan, money, notes or questionnaires until the restriction is lifted.',
  'dataSubject.restriction.reason': 'Reason for the restriction',
  'dataSubject.restriction.reasonHint':
    'E.g. what the citizen thinks is wrong. The citizen may see the reason.',
  'dataSubject.restriction.set': 'Restrict processing',
  'dataSubject.restriction.since': 'Processing has been restricted since {date}. Reason:',
  'dataSubject.restriction.effect':
    'The case can only be read. Nobody can change the plan, money, notes or questionnaires. Finance can still pay purchases approved before the restriction.',
  'dataSubject.restriction.lift': 'Lift the restriction',
  'dataSubject.restriction.none': 'The case is anonymised. There is nothing to restrict.',

  'dataSubject.erasure.title': 'Erasure',
  'dataSubject.erasure.possible':
    "The programme rests on the citizen's consent and the case is closed. The citizen can therefore have their personal data erased (Article 17).",
  'dataSubject.erasure.link': "Erase the citizen's personal data in the case",
  'dataSubject.erasure.refused.already_anonymised':
    'The personal data in the case is anonymised already. There is nothing more to erase.',
  'dataSubject.erasure.refused.public_task':
    "The data cannot be erased now. The programme rests on the municipality's public task, so the municipality must keep the data until the retention period ends (Article 17(3)). It will be anonymised on {date}.",
  'dataSubject.erasure.refused.public_task_open':
    "The data cannot be erased. The programme rests on the municipality's public task, so the municipality must keep the data until the retention period ends (Article 17(3)). It will be anonymised {months} months after the case is closed.",
  'dataSubject.erasure.refused.case_open':
    'The data cannot be erased while the case is running. Close the case first.',
  'dataSubject.erasure.refused.money_reserved':
    'The data cannot be erased yet. Money is still reserved for a purchase in the case. Pay or cancel the purchase first.',
  'dataSubject.erasure.refused.legal_hold':
    'The data cannot be erased because the case is on legal hold: {reason}. Lift the hold first if it no longer applies.',
  'dataSubject.erase.title': "Erase the citizen's personal data",
  'dataSubject.erase.notPossible': 'Cannot be erased',
  'dataSubject.erase.intro':
    "The erasure cannot be undone. The citizen's personal data in the case is deleted or replaced, the same way as when the retention period ends. The figures for the evaluation are kept without a name.",
  'dataSubject.erase.deleted': 'What is deleted',
  'dataSubject.erase.deleted.person':
    'Name, CPR number, phone and e-mail (when the citizen has no other case with personal data)',
  'dataSubject.erase.deleted.words':
    'Notes, dream, goals, ideas, reasons and other texts written by the citizen or the staff',
  'dataSubject.erase.deleted.files': 'Attachments: receipts, invoices and quotes',
  'dataSubject.erase.deleted.login': "The citizen's log-in to the portal",
  'dataSubject.erase.kept': 'What is kept without a name',
  'dataSubject.erase.kept.money': 'Amounts: grant, purchases and payments',
  'dataSubject.erase.kept.phases': 'Phases and dates, rounded to the month',
  'dataSubject.erase.kept.answers':
    'Categories of goals and purchases, and the questionnaire answers as numbers',
  'dataSubject.erase.kept.logs':
    'The audit log and the log of who has seen the data, without the citizen’s name',
  'dataSubject.erase.confirm':
    "I have read the above and want to erase the citizen's personal data in the case",
  'dataSubject.erase.submit': 'Erase personal data',
  'dataSubject.erase.cancel': 'Cancel',

  'dataSubject.requests.title': 'Requests in the case',
  'dataSubject.requests.none': 'No requests have been recorded in the case.',
  'dataSubject.requests.kind': 'Request',
  'dataSubject.requests.when': 'When',
  'dataSubject.requests.by': 'Handled by',
  'dataSubject.kind.access': 'Access (full copy)',
  'dataSubject.kind.restriction': 'Restriction',
  'dataSubject.kind.restriction_lifted': 'Restriction lifted',
  'dataSubject.kind.erasure': 'Erasure',

  'dataSubject.error.restricted':
    'The case cannot be changed because the citizen has restricted the processing of their data. The coordinator can lift the restriction under "Personal data and requests".',
  'dataSubject.error.anonymised':
    'The personal data in the case is anonymised. There is nothing to restrict.',
  'dataSubject.error.alreadyRestricted': 'Processing is restricted already.',
  'dataSubject.error.notRestricted': 'Processing is not restricted.',
  'field.dataSubject.reason': 'Write a reason.',
  'field.dataSubject.confirm': 'Tick the box to confirm the erasure.',

  'dataSubject.portal.title': 'What you have asked us',
  'dataSubject.portal.intro': 'Here you can see what you have asked the municipality to do with your data.',
  'dataSubject.portal.none': 'You have not asked for anything yet.',
  'dataSubject.portal.item': '{date}: {kind}',
  'dataSubject.portal.kind.access': 'You got a copy of all your data.',
  'dataSubject.portal.kind.restriction': 'We stopped working with your data. We only keep it.',
  'dataSubject.portal.kind.restriction_lifted': 'We started working with your data again.',
  'dataSubject.portal.kind.erasure': 'We erased your data.',
  'dataSubject.portal.ask': 'Do you want a copy, or to stop or erase your data? Ask your support person.',
};
