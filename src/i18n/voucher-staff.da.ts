// Vouchers as staff meet them (spec: Vouchers): the programme's voucher settings, the payment method on
// the purchase request form, the shops' redemption PINs on the vendor list, the payment file's refusal,
// and the report's purchases by payment method. Spread into da.ts.
export const voucherStaffDa = {
  'voucherStaff.programme.section': 'Værdibeviser',
  'voucherStaff.programme.intro':
    'Med et værdibevis køber borgeren selv i en butik på leverandørlisten. Butikken indløser koden, og økonomi betaler butikken.',
  'voucherStaff.programme.enabled': 'Tilbyd værdibeviser',
  'voucherStaff.programme.anyVendor': 'Alle butikker på leverandørlisten må indløse',
  'voucherStaff.programme.anyVendorHint':
    'Så kan anmodningen skrives uden leverandør. Ellers kan værdibeviset kun bruges i den butik, anmodningen nævner.',
  'voucherStaff.programme.categoryVoucher': 'Kan købes med værdibevis',
  'voucherStaff.request.methodHint':
    'Borgeren får en kode og køber selv i butikken. Pengene er reserveret, til butikken har indløst koden.',
  'voucherStaff.request.notCategories': 'Kan ikke købes med værdibevis: {categories}.',
  'voucherStaff.request.vendorHint':
    'Ved værdibevis må leverandøren stå tom. Så kan alle butikker på leverandørlisten indløse det.',
  'voucherStaff.vendors.pin': 'PIN-kode til værdibeviser',
  'voucherStaff.vendors.pinIntro':
    'Butikken bruger sin PIN-kode, når den indløser en borgers værdibevis. En ny PIN-kode erstatter den gamle.',
  'voucherStaff.vendors.pinSet': 'Udstedt {at}',
  'voucherStaff.vendors.pinNone': 'Ingen PIN-kode',
  'voucherStaff.vendors.issue': 'Udsted PIN-kode',
  'voucherStaff.vendors.reissue': 'Ny PIN-kode',
  'voucherStaff.vendors.issueLabel': 'Udsted PIN-kode til {name}',
  'voucherStaff.vendors.reissueLabel': 'Ny PIN-kode til {name}',
  'voucherStaff.pin.title': 'PIN-kode til {name}',
  'voucherStaff.pin.text': 'Giv PIN-koden til butikken. Den vises kun nu.',
  'voucherStaff.pin.replaces': 'Butikkens tidligere PIN-kode virker ikke længere.',
  'voucherStaff.pin.back': 'Tilbage til leverandørerne',
  'voucherStaff.batch.notRedeemed':
    'Forløb {caseNumber} anmodning {requestNumber} er et værdibevis, som butikken ikke har indløst endnu.',
  'label.reportFigure.purchasesByPaymentMethod': 'Køb efter betalingsmåde',
  'voucherStaff.report.method': 'Betalingsmåde',
  'voucherStaff.report.methodLine':
    'Forløb (n): {n}. Betalte køb; med værdibevis købte borgeren selv i butikken.',
  'voucherStaff.report.chartLine': '{count} køb, {kr}',
} as const;
