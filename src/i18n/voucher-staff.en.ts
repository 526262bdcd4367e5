import type { voucherStaffDa } from './voucher-staff.da.ts';

// Vouchers as staff meet them, in English (spread into en.ts).
export const voucherStaffEn: Record<keyof typeof voucherStaffDa, string> = {
  'voucherStaff.programme.section': 'Vouchers',
  'voucherStaff.programme.intro':
    'With a voucher the citizen buys it themselves in a shop on the vendor list. The shop redeems the code, and finance pays the shop.',
  'voucherStaff.programme.enabled': 'Offer vouchers',
  'voucherStaff.programme.anyVendor': 'Any shop on the vendor list may redeem',
  'voucherStaff.programme.anyVendorHint':
    'Then a request may be written without a vendor. Otherwise the voucher can only be used in the shop the request names.',
  'voucherStaff.programme.categoryVoucher': 'May be bought with a voucher',
  'voucherStaff.request.methodHint':
    'The citizen gets a code and buys it themselves in the shop. The money is reserved until the shop has redeemed the code.',
  'voucherStaff.request.notCategories': 'Cannot be bought with a voucher: {categories}.',
  'voucherStaff.request.vendorHint':
    'For a voucher the vendor may be left empty. Then any shop on the vendor list may redeem it.',
  'voucherStaff.vendors.pin': 'PIN for vouchers',
  'voucherStaff.vendors.pinIntro':
    "The shop uses its PIN when it redeems a citizen's voucher. A new PIN replaces the old one.",
  'voucherStaff.vendors.pinSet': 'Issued {at}',
  'voucherStaff.vendors.pinNone': 'No PIN',
  'voucherStaff.vendors.issue': 'Issue PIN',
  'voucherStaff.vendors.reissue': 'New PIN',
  'voucherStaff.vendors.issueLabel': 'Issue PIN for {name}',
  'voucherStaff.vendors.reissueLabel': 'New PIN for {name}',
  'voucherStaff.pin.title': 'PIN for {name}',
  'voucherStaff.pin.text': 'Give the PIN to the shop. It is only shown now.',
  'voucherStaff.pin.replaces': "The shop's previous PIN no longer works.",
  'voucherStaff.pin.back': 'Back to the vendors',
  'voucherStaff.batch.notRedeemed':
    'Case {caseNumber} request {requestNumber} is a voucher the shop has not redeemed yet.',
  'label.reportFigure.purchasesByPaymentMethod': 'Purchases by payment method',
  'voucherStaff.report.method': 'Payment method',
  'voucherStaff.report.methodLine':
    'Cases (n): {n}. Purchases paid; with a voucher the citizen bought it themselves in the shop.',
  'voucherStaff.report.chartLine': '{count} purchases, {kr}',
};
