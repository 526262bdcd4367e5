import type { domainPaymentFileDa } from './domain-payment-file.da.ts';

// The payment file's refusals: which payment, which part, and why (domain/payment-file.ts). In English
// (spread into en.ts).
export const domainPaymentFileEn: Record<keyof typeof domainPaymentFileDa, string> = {
  'paymentFile.what.messageId': "The payment file's id (MsgId)",
  'paymentFile.what.debtorName': "The municipality's name",
  'paymentFile.what.debtorAccount': "The municipality's account",
  'paymentFile.what.debtorBank': "The municipality's bank",
  'paymentFile.what.endToEndId': "{which}: the payment's id (EndToEndId)",
  'paymentFile.what.creditorName': "{which}: the recipient's name",
  'paymentFile.what.creditorAccount': "{which}: the recipient's account",
  'paymentFile.what.creditorBank': "{which}: the recipient's bank",
  'paymentFile.which.number': 'Payment {number}',
  'paymentFile.which.numberId': 'Payment {number} ({id})',
  'paymentFile.which.id': 'Payment {id}',
  'paymentFile.error.executionDate': 'The execution date "{date}" is not a date (YYYY-MM-DD).',
  'paymentFile.error.noPayments': 'The payment file has no payments.',
  'paymentFile.error.duplicateId': '{which}: the id "{id}" is used by another payment in the file.',
  'paymentFile.error.amount': '{which}: the amount must be positive (got {ore} øre).',
  'paymentFile.error.remittanceMissing': '{which}: the text for the recipient is missing.',
  'paymentFile.error.remittanceTooLong': '{which}: the text for the recipient is over {max} characters.',
  'paymentFile.error.identifier':
    '{what} must be 1-{max} characters of A-Z, a-z, 0-9, space and / - ? : ( ) . , \' + with no space first or last (got "{value}").',
  'paymentFile.error.missing': '{what} is missing.',
  'paymentFile.error.createdAt': "The payment file's creation time is not valid.",
  'paymentFile.error.accountForm': '{what}: give either a registration and account number or an IBAN.',
  'paymentFile.error.iban': '{what}: IBAN "{iban}" is not valid.',
  'paymentFile.error.registration': '{what}: the registration number must be 4 digits (got "{value}").',
  'paymentFile.error.accountNumber': '{what}: the account number must be 1-10 digits (got "{value}").',
  'paymentFile.error.bic': '{what}: BIC "{bic}" is not valid.',
};
