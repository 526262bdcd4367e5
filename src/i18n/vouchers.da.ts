// The voucher's words from the domain and the services (domain/voucher.ts, services/money/voucher*.ts):
// its states, the refusals a shop or a member of staff may meet, and the SMS to the citizen. The pages'
// own words are in voucher-pages.*.ts. Spread into da.ts.
export const vouchersDa = {
  'label.paymentMethod.voucher': 'Værdibevis',
  'label.voucherStatus.issued': 'Klar til brug',
  'label.voucherStatus.redeemed': 'Brugt',
  'label.voucherStatus.cancelled': 'Annulleret',
  'label.voucherStatus.expired': 'Udløbet',
  'voucher.refused.redeemed': 'Værdibeviset er allerede brugt.',
  'voucher.refused.cancelled': 'Værdibeviset er annulleret og kan ikke bruges.',
  'voucher.refused.expired': 'Værdibeviset er udløbet og kan ikke bruges.',
  'voucher.refused.otherVendor': 'Værdibeviset gælder i en anden butik.',
  'voucher.refused.amountNotPositive': 'Skriv et beløb, der er større end 0 kr.',
  'voucher.refused.overMaximum': 'Beløbet må højst være {max}',
  'voucher.refused.wrongPinOrCode':
    'PIN-koden eller værdibevisets kode er forkert. Tjek begge, og prøv igen.',
  'voucher.refused.ticketExpired': 'Siden er for gammel. Skriv PIN-kode og kode igen.',
  'voucher.refused.receiptNumber': 'Skriv kvitteringens eller fakturaens nummer.',
  'voucher.refused.file': 'Vælg kvitteringen eller fakturaen som PDF, JPEG eller PNG.',
  'voucher.refused.notEnabled': 'Ordningen tilbyder ikke værdibeviser.',
  'voucher.refused.categoryNotAllowed': 'Denne udgiftskategori kan ikke købes med værdibevis.',
  'voucher.refused.vendorNeeded': 'Vælg butikken, hvor værdibeviset skal bruges.',
  'voucher.refused.cancelRedeemed':
    'Værdibeviset er brugt, så købet kan ikke annulleres. Økonomi betaler butikken.',
  'voucher.refused.notRedeemed':
    'Værdibeviset er ikke indløst endnu. Butikken skal indløse det, før økonomi kan betale.',
  'voucher.expiredReason': 'Værdibeviset udløb {date} uden at være brugt.',
  'voucher.sms':
    'Dit værdibevis fra kommunen: kode {code}. Brug det til højst {max} i {shop} senest {date}. Vis koden i butikken.',
  'voucher.sms.anyShop': 'en butik på kommunens liste',
};
