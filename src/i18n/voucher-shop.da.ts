// The shop's pages for redeeming a voucher (web/voucher-shop.routes.tsx): the PIN and the code, the
// receipt, the confirmation. Plain, short Danish for a shop assistant at the counter. The refusals the
// services give are in vouchers.da.ts. Spread into da.ts.
export const voucherShopDa = {
  'voucherShop.title': 'Indløs værdibevis',
  'voucherShop.intro':
    'Kunden betaler med et værdibevis fra kommunen. Skriv butikkens PIN-kode og koden fra værdibeviset.',
  'voucherShop.pin': 'Butikkens PIN-kode',
  'voucherShop.pinHint': '8 cifre. Butikken har fået den fra kommunen.',
  'voucherShop.code': 'Værdibevisets kode',
  'voucherShop.codeHint': '12 tegn. Den står på værdibeviset. Fx 7KQM 4TRW 2XHP',
  'voucherShop.check': 'Find værdibeviset',
  'voucherShop.help': 'Har butikken ingen PIN-kode, eller virker den ikke? Så kontakt kommunen.',

  'voucherShop.approved.heading': 'Det er godkendt',
  'voucherShop.approved.lead': 'Kunden kan købe for højst {max}',
  'voucherShop.approved.title': 'Køb',
  'voucherShop.approved.category': 'Kategori',
  'voucherShop.approved.max': 'Højst',
  'voucherShop.approved.lastDay': 'Sidste dag',
  'voucherShop.approved.shop': 'Butik',
  'voucherShop.approved.code': 'Kode',

  'voucherShop.receipt.heading': 'Kvitteringen',
  'voucherShop.receipt.amount': 'Beløb på kvitteringen',
  'voucherShop.receipt.amountHint': 'Skriv beløbet i kroner, fx 450 eller 450,50. Højst {max}',
  'voucherShop.receipt.number': 'Kvitteringens eller fakturaens nummer',
  'voucherShop.receipt.file': 'Kvittering eller faktura',
  'voucherShop.receipt.fileHint': 'Tag et billede, eller vælg en fil. PDF, JPEG eller PNG.',
  'voucherShop.receipt.submit': 'Indløs værdibeviset',

  'voucherShop.done.title': 'Værdibeviset er indløst',
  'voucherShop.done.reference': 'Reference',
  'voucherShop.done.writeReference': 'Skriv referencen på fakturaen.',
  'voucherShop.done.pays': 'Kommunen betaler {amount} til butikken.',
  'voucherShop.done.summary': 'Det er indløst',
  'voucherShop.done.amount': 'Beløb',
  'voucherShop.done.at': 'Indløst',
  'voucherShop.done.another': 'Indløs et andet værdibevis',

  'voucherShop.refused.title': 'Værdibeviset kan ikke bruges',
  'voucherShop.refused.help': 'Bed kunden om at kontakte kommunen.',
  'voucherShop.refused.again': 'Prøv en anden kode',
} as const;
