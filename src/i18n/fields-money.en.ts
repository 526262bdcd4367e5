import type { fieldsMoneyDa } from './fields-money.da.ts';

// What the fields of grants, purchase requests, payments, vendors and attachments say when their input is wrong, in English (spread into en.ts).
export const fieldsMoneyEn: Record<keyof typeof fieldsMoneyDa, string> = {
  'field.purchase.title': 'Write what is to be bought.',
  'field.purchase.purpose': 'Write how the purchase helps the citizen towards the goal.',
  'field.purchase.amountTooBig': 'The amount can be at most 50,000 kr.',
  'field.purchase.paymentMethod': 'Choose a payment method from the list.',
  'field.purchase.confirmedHow': 'Choose how the citizen confirmed.',
  'field.purchase.reason': 'Write a reason.',
  'field.payment.reference': "Write the payment's reference, e.g. the invoice number or voucher number.",
  'field.payment.amount': 'The amount paid',
  'field.payment.requestIds': 'Choose the payments from the list.',
  'field.refund.reference': "Write the refund's reference.",
  'field.vendor.name': "Write the vendor's name.",
  'field.vendor.cvr': 'A CVR number has 8 digits, e.g. 12345678.',
  'field.vendor.cvrMissing': "Write the vendor's CVR number. It is on the invoice or on virk.dk.",
  'field.vendor.payWith': 'Choose whether the vendor is paid to an IBAN or by payment card.',
  'field.vendor.ibanMissing': "Write the vendor's IBAN, or choose payment by card.",
  'field.vendor.rejectionReason': 'Write why the vendor is not approved.',
  'field.vendor.bankRegistration': 'A bank registration number has 4 digits.',
  'field.vendor.bankAccount': 'An account number has at most 10 digits.',
  'field.vendor.iban':
    'The IBAN is not valid. Check every character: a Danish IBAN starts with DK and has 18 characters.',
  'field.vendor.ean': 'An EAN number has 13 digits.',
  'field.vendor.bankBoth': 'Write both the registration number and the account number, or neither.',
  'field.period.toBeforeFrom': 'The end date cannot be before the start date.',
  'field.paymentFile.executionDate': 'The execution date cannot be before today.',
  'field.purchase.subGoalId': "Choose one of the case's sub-goals.",
  'field.purchase.directNoVendor': 'A direct transfer to the citizen has no vendor.',
  'field.purchase.vendorId': 'Choose a vendor from the list.',
  'field.purchase.vendorNoAccount':
    'The vendor has no bank account on the list. Choose another payment method.',
  'field.attachment.kind': 'Choose what kind of attachment it is.',
  'field.attachment.none': 'Choose a file.',
  'field.attachment.tooBig': 'The file can be at most 10 MB.',
  'field.attachment.type': 'The file must be a PDF, JPEG or PNG.',
};
