import type { privacyNoticeDa } from './privacy-notice.da.ts';

// The privacy notice in English (spread into en.ts). The legal references are the same as in Danish: the
// GDPR's articles and the Danish Data Protection Act.
export const privacyNoticeEn: Record<keyof typeof privacyNoticeDa, string> = {
  'privacy.footer': 'Privacy notice',
  'privacy.title': 'Privacy notice',

  // ---- The general page (staff and visitors)
  'privacy.lede.one':
    'How {municipality} processes personal data in Borgerbudget when a citizen gets a personal citizen-directed budget.',
  'privacy.lede.general':
    'How personal data is processed in Borgerbudget when a citizen gets a personal citizen-directed budget.',
  'privacy.allMunicipalities': 'All municipalities',

  'privacy.controller.heading': 'Data controller',
  'privacy.controller.one': '{municipality} is the data controller for the data in Borgerbudget.',
  'privacy.controller.general':
    'The municipality that gives the citizen a budget is the data controller. Choose a municipality to see its programmes, legal basis and retention period.',
  'privacy.controller.programmes': 'Programmes: {names}',
  'privacy.controller.noProgrammes': 'No programmes yet.',
  'privacy.controller.none': 'No municipality uses Borgerbudget yet.',

  'privacy.purposes.heading': 'Purposes',
  'privacy.purposes.intro': 'The data is used only to:',
  'privacy.purposes.run': "run the citizen's case: budget, goals, support and follow-up",
  'privacy.purposes.pay': "pay vendors on the citizen's behalf – the citizen never gets cash",
  'privacy.purposes.evaluate': 'make the national evaluation of the scheme from anonymous figures',

  'privacy.basis.heading': 'Legal basis',
  'privacy.basis.public_task':
    "The processing is necessary for a task carried out in the public interest and in the exercise of the municipality's official authority (GDPR article 6(1)(e)). Sensitive data, such as data about health, is processed because it is necessary to give social support under social legislation (article 9(2)(b) and (h)).",
  'privacy.basis.consent':
    "The processing is based on the citizen's consent (GDPR article 6(1)(a)). Sensitive data, such as data about health, is processed with the citizen's explicit consent (article 9(2)(a)). The consent can be withdrawn at any time; this does not make the processing before unlawful (article 7(3)).",
  'privacy.basis.general':
    "Each programme has its own legal basis. Either the processing is a task in the public interest and part of the municipality's official authority (GDPR article 6(1)(e), and for sensitive data article 9(2)(b) and (h)), or it is based on the citizen's consent (article 6(1)(a) and article 9(2)(a)). Choose the municipality above to see which applies there.",
  'privacy.basis.cpr':
    'The municipality uses the CPR number to identify the citizen unambiguously (Danish Data Protection Act, section 11(1)).',
  'privacy.basis.baseline':
    "Data about the citizen's background at the start (such as housing, substance abuse, mental vulnerability, income and education) is recorded only if the citizen agrees.",

  'privacy.data.heading': 'What data',
  'privacy.data.intro': 'Borgerbudget stores:',
  'privacy.data.identity': 'name and CPR number (the CPR number encrypted)',
  'privacy.data.contact': "phone, e-mail, preferred language and the citizen's log-in",
  'privacy.data.case': 'the case: dates, phases, support person and conditions',
  'privacy.data.plan': 'the plan: dream, goals, sub-goals, activities and ideas',
  'privacy.data.notes': 'follow-up notes from the support person and the coordinator',
  'privacy.data.answers': 'answers to questionnaires, also about well-being (WHO-5)',
  'privacy.data.baseline': "with the citizen's consent: background at the start",
  'privacy.data.money': 'budget, purchases, payments, receipts and vouchers',
  'privacy.data.never':
    'Borgerbudget never stores diagnoses or data about criminal offences. The scheme does not need them.',
  'privacy.data.source':
    'The data comes from the citizen, from the support person and from the part of the municipality that refers the citizen to the scheme.',

  'privacy.recipients.heading': 'Who sees and receives the data',
  'privacy.recipients.internal':
    "In the municipality, only the citizen's support person and the programme's coordinators see the case. Finance staff see amount, vendor and case number – not the name, goals or notes.",
  'privacy.recipients.vendors':
    "Vendors (such as a shop) get only what the payment needs: what is bought, the amount and a case and request number. They never get the citizen's CPR number.",
  'privacy.recipients.bank':
    "The municipality's bank gets the payment to the vendor with the case and request number.",
  'privacy.recipients.agency':
    'The National Board of Social Services (Socialstyrelsen) gets only anonymous, aggregated figures for the evaluation – never names, CPR numbers or notes. Counts from 1 to 4 are shown as "<5".',
  'privacy.recipients.processor':
    "If an IT supplier runs Borgerbudget for the municipality, the supplier may process the data only on the municipality's instructions (data processor).",
  'privacy.recipients.none': 'No one else gets the data from Borgerbudget unless a law requires it.',

  'privacy.retention.heading': 'How long',
  'privacy.retention.months':
    'The data is kept for {months} months after the case is closed. After that the data is anonymised: name, CPR number, contact details, notes and other texts are deleted, and only figures without a name are kept for the evaluation.',
  'privacy.retention.general':
    'Each municipality decides for each programme how many months the data is kept after the case is closed. After that the data is anonymised.',
  'privacy.retention.hold':
    'If there is a complaint or a court case about the case, the municipality may keep it until that is decided.',

  'privacy.rights.heading': "The citizen's rights",
  'privacy.rights.access.title': 'Access (article 15)',
  'privacy.rights.access':
    'The citizen can see their data in the portal under "Mine data" (My data) and download it as a file. A full copy, also of internal notes, is given on request to the municipality.',
  'privacy.rights.rectification.title': 'Rectification (article 16)',
  'privacy.rights.rectification': 'Wrong data is corrected.',
  'privacy.rights.restriction.title': 'Restriction (article 18)',
  'privacy.rights.restriction':
    'The citizen can ask that the data is only stored and not used, for example while an error is looked into.',
  'privacy.rights.erasure.title': 'Erasure (article 17)',
  'privacy.rights.erasure.public_task':
    'Because the processing is an official task, the data can usually not be erased early (article 17(3)(b)). It is anonymised after the retention period.',
  'privacy.rights.erasure.consent':
    'The citizen can ask for the data to be erased, for example when withdrawing consent. Figures without a name stay in the evaluation.',
  'privacy.rights.object.public_task.title': 'Objection (article 21)',
  'privacy.rights.object.public_task':
    'The citizen can object to the processing. The municipality must then assess whether it may continue.',
  'privacy.rights.object.consent.title': 'Withdrawing consent (article 7(3))',
  'privacy.rights.object.consent': 'The citizen can withdraw their consent at any time.',
  'privacy.rights.byBasis': 'Erasure and objection depend on the legal basis:',
  'privacy.rights.basisOf': 'For {programmes}',
  'privacy.rights.basisGeneral.public_task': 'Where the legal basis is an official task',
  'privacy.rights.basisGeneral.consent': 'Where the legal basis is consent',
  'privacy.rights.complain.title': 'Complaint (article 77)',
  'privacy.rights.complain':
    'The citizen can complain to the Danish Data Protection Agency (Datatilsynet), Carl Jacobsens Vej 35, 2500 Valby, dt@datatilsynet.dk.',
  'privacy.rights.complainLink': 'datatilsynet.dk',

  'privacy.use.heading': 'How the citizen uses their rights',
  'privacy.use.support': 'The citizen can talk to their support person or write to the municipality.',
  'privacy.use.contact': 'Questions about the data in {programme}:',
  'privacy.use.municipality':
    "The municipality's data protection officer can be reached through {municipality}.",
  'privacy.use.general':
    'Contact the municipality that gives the budget. Every municipality has a data protection officer.',
  'privacy.use.answer': 'The municipality answers within one month (article 12(3)).',

  'privacy.log.heading': 'Who has seen the data',
  'privacy.log.text':
    'Every time a member of staff sees a citizen\'s data, it is written to a log: when, in which role and why. The citizen sees the log in the portal under "Hvem har set mine oplysninger" (Who has seen my data). Changes are written to an audit log that cannot be changed afterwards.',

  'privacy.automated.heading': 'Automated decisions',
  'privacy.automated.text':
    "Borgerbudget makes no decisions by automated means alone. The municipality's staff do.",

  // ---- The citizen's version in the portal: short sentences, everyday words
  'privacy.citizen.title': 'How we use your data',
  'privacy.citizen.lede': '{municipality} is responsible for your data here.',
  'privacy.citizen.why.heading': 'Why do we have your data?',
  'privacy.citizen.why.run': 'So you can get your budget and your support.',
  'privacy.citizen.why.pay': 'So we can pay for what you buy. You never get cash in hand.',
  'privacy.citizen.why.evaluate':
    'So we can see if the scheme works. We only do that with figures without names.',

  'privacy.citizen.basis.heading': 'What allows us?',
  'privacy.citizen.basis.public_task':
    'The law gives the municipality this task. So we may use your data. You do not have to say yes first.',
  'privacy.citizen.basis.public_task.law':
    "It is in the EU's rules on data. It is article 6(1)(e). And article 9(2)(b) and (h).",
  'privacy.citizen.basis.consent':
    'You have said yes to us using your data. You can always take your yes back.',
  'privacy.citizen.basis.consent.law':
    "It is in the EU's rules on data. It is article 6(1)(a). And article 9(2)(a).",
  'privacy.citizen.basis.cpr':
    'We may use your CPR number. That way we know it is you. It is in section 11 of the Danish law on data.',

  'privacy.citizen.data.heading': 'What do we keep?',
  'privacy.citizen.data.identity':
    'Your name and your CPR number. The number is locked with a code when we store it.',
  'privacy.citizen.data.contact': 'Your phone, your e-mail and your language.',
  'privacy.citizen.data.plan': 'Your dream, your goals and your ideas.',
  'privacy.citizen.data.notes': 'Notes from your support person.',
  'privacy.citizen.data.answers': 'Your answers to questions about you and your goal.',
  'privacy.citizen.data.money': 'What you buy and the receipts.',
  'privacy.citizen.data.baseline':
    'If you say yes: a little about your life when you started. For example housing, job, school and whether things are hard for you.',
  'privacy.citizen.data.never':
    'We never keep what illness you have. We do not keep whether you have been convicted.',

  'privacy.citizen.who.heading': 'Who sees your data?',
  'privacy.citizen.who.staff': 'Your support person and the staff who run the scheme.',
  'privacy.citizen.who.finance': 'Those who pay see only the price and the shop. They do not see your name.',
  'privacy.citizen.who.vendors':
    'A shop is told only what you buy and what it costs. It does not get your CPR number.',
  'privacy.citizen.who.agency': 'The National Board of Social Services only gets figures. Never your name.',
  'privacy.citizen.who.none': 'No one else gets your data. Only if a law says so.',

  'privacy.citizen.keep.heading': 'How long do we keep your data?',
  'privacy.citizen.keep.months':
    'We keep it for {months} months after your case has ended. Then we delete your name, your CPR number and your notes. Only figures without a name stay.',
  'privacy.citizen.keep.years':
    'We keep it for {months} months ({years} years) after your case has ended. Then we delete your name, your CPR number and your notes. Only figures without a name stay.',
  'privacy.citizen.keep.hold':
    'Do you complain, or is there a court case? Then we keep it until that is over.',

  'privacy.citizen.rights.heading': 'Your rights',
  'privacy.citizen.rights.access': 'You may see your data.',
  'privacy.citizen.rights.accessLink': 'See My data',
  'privacy.citizen.rights.accessAll':
    'Do you want to see everything, also notes only for staff? Then ask us.',
  'privacy.citizen.rights.rectify': 'Is something wrong? Then we correct it.',
  'privacy.citizen.rights.restrict':
    'You can ask us to leave your data alone. For example while we look at an error.',
  'privacy.citizen.rights.erase.public_task':
    'You can ask us to delete your data. But often the law says we must keep it. Then we delete it when the time is up.',
  'privacy.citizen.rights.erase.consent': 'You can ask us to delete your data.',
  'privacy.citizen.rights.object.public_task':
    'You can object to us using your data. Then we must look at whether we may go on.',
  'privacy.citizen.rights.object.consent': 'You can take your yes back at any time.',
  'privacy.citizen.rights.complain':
    'You can complain to the Danish Data Protection Agency (Datatilsynet). The address is Carl Jacobsens Vej 35, 2500 Valby.',
  'privacy.citizen.rights.complainLink': 'datatilsynet.dk',

  'privacy.citizen.how.heading': 'How to do it',
  'privacy.citizen.how.support': 'Talk to your support person.',
  'privacy.citizen.how.contact': 'You can also write to:',
  'privacy.citizen.how.municipality': 'You can also contact {municipality}.',
  'privacy.citizen.how.answer': 'We answer you within one month.',

  'privacy.citizen.log.heading': 'Who has seen your data?',
  'privacy.citizen.log.text':
    'Every time a member of staff sees your data, we write it down. You can see the list.',
  'privacy.citizen.log.link': 'See who has seen my data',

  'privacy.citizen.people.heading': 'A person decides',
  'privacy.citizen.people.text': 'A member of staff always decides things about you. Never a computer alone.',
};
