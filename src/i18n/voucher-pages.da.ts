// The vouchers' pages: the citizen's "Mine værdibeviser" (plain Danish, LIX ≤ 35), the sheet staff print
// for the citizen and the shop, and the voucher's section on the purchase request's page. The words of
// the domain and the services are in vouchers.da.ts. Spread into da.ts.
export const voucherPagesDa = {
  'portal.nav.vouchers': 'Mine værdibeviser',
  'voucherPages.fact.code': 'Kode',
  'voucherPages.fact.shop': 'Butik',
  'voucherPages.fact.buys': 'Til køb af',
  'voucherPages.fact.max': 'Højst',
  'voucherPages.fact.lastDay': 'Sidste dag',
  'voucherPages.anyShop': 'Alle butikker på kommunens liste',
  'voucherPages.qrLabel': 'QR-kode med værdibevisets kode. Butikken scanner den.',

  'voucherPages.portal.lede':
    'Et værdibevis er en kode fra kommunen. Du bruger den til at købe noget i en butik.',
  'voucherPages.portal.none': 'Du har ingen værdibeviser lige nu.',
  'voucherPages.portal.noneHint': 'Når kommunen har sagt ja til et køb med værdibevis, kan du se det her.',
  'voucherPages.portal.ready': 'Klar til brug',
  'voucherPages.portal.how':
    'Vis koden i butikken, før du betaler. Butikken scanner den eller skriver den ind. Så betaler kommunen.',
  'voucherPages.portal.screen': 'Skru op for lyset på din skærm, når butikken skal scanne.',
  'voucherPages.portal.maxHidden': 'Butikken kan se, hvor meget du må købe for.',
  'voucherPages.portal.past': 'Gamle værdibeviser',
  'voucherPages.portal.used': 'Brugt {date}. Du købte for {amount} i {shop}.',
  'voucherPages.portal.usedNoAmount': 'Brugt {date} i {shop}.',
  'voucherPages.portal.expired': 'Udløbet. Den sidste dag var {date}.',
  'voucherPages.portal.cancelled': 'Annulleret. Det kan ikke bruges.',
  'voucherPages.portal.help': 'Spørg din støtteperson, hvis du har brug for hjælp.',
  'voucherPages.home.one': 'Du har et værdibevis, du kan bruge.',
  'voucherPages.home.many': 'Du har {count} værdibeviser, du kan bruge.',

  'voucherPages.sheet.title': 'Værdibevis til anmodning nr. {number}',
  'voucherPages.sheet.back': 'Tilbage til anmodningen',
  'voucherPages.sheet.print':
    'Udskriv siden med browserens udskrift (Ctrl+P eller ⌘+P). Kun værdibeviset kommer med: det fylder en A6 og kan klippes ud af A4-arket. Der står ikke borgerens navn eller CPR-nummer på.',
  'voucherPages.sheet.notUsable': 'Værdibeviset kan ikke bruges (status: {status}). Det skal ikke udskrives.',
  'voucherPages.sheet.heading': 'Værdibevis',
  'voucherPages.sheet.howTo': 'Sådan gør du',
  'voucherPages.sheet.step1': 'Gå til {shop} senest {date}.',
  'voucherPages.sheet.step1.anyShop': 'Gå til en butik på kommunens liste senest {date}.',
  'voucherPages.sheet.step2': 'Vis dette papir, før du betaler. Butikken scanner koden.',
  'voucherPages.sheet.step3': 'Højst {max} kan bruges, og koden virker kun én gang.',
  'voucherPages.sheet.step4': 'Spørg din støtteperson, hvis du har brug for hjælp.',
  'voucherPages.sheet.shop':
    'Butikken: gå til {address}, og skriv jeres PIN-kode og koden. I kan også scanne QR-koden.',
  'voucherPages.sheet.link': 'Link til butikken: {link}',

  'voucherPages.staff.heading': 'Værdibevis',
  'voucherPages.staff.issued': 'Udstedt',
  'voucherPages.staff.redeemedAt': 'Indløst',
  'voucherPages.staff.redeemedAmount': 'Indløst beløb',
  'voucherPages.staff.redeemedBy': 'Indløst af',
  'voucherPages.staff.reference': 'Butikkens reference',
  'voucherPages.staff.print': 'Udskriv værdibeviset til borgeren',
  'voucherPages.flag.issued': 'Værdibevis, sidste dag {date}',
  'voucherPages.flag.redeemed': 'Værdibeviset er brugt; økonomi betaler butikken',
  'voucherPages.home.heading': 'Værdibeviser, der snart udløber',
  'voucherPages.home.lead':
    'Disse værdibeviser er ikke brugt, og sidste dag er inden for {days} dage. Tal med borgeren om dem.',
  'voucherPages.home.item': 'Forløb {caseNumber}, anmodning {number}: {title} – sidste dag {date}',
};
