import type { voucherPagesDa } from './voucher-pages.da.ts';

// The vouchers' pages in English (spread into en.ts).
export const voucherPagesEn: Record<keyof typeof voucherPagesDa, string> = {
  'portal.nav.vouchers': 'My vouchers',
  'voucherPages.fact.code': 'Code',
  'voucherPages.fact.shop': 'Shop',
  'voucherPages.fact.buys': 'For',
  'voucherPages.fact.max': 'At most',
  'voucherPages.fact.lastDay': 'Last day',
  'voucherPages.anyShop': 'Any shop on the municipality’s list',
  'voucherPages.qrLabel': 'QR code with the voucher’s code. The shop scans it.',

  'voucherPages.portal.lede':
    'A voucher is a code from the municipality. You use it to buy something in a shop.',
  'voucherPages.portal.none': 'You have no vouchers right now.',
  'voucherPages.portal.noneHint':
    'When the municipality has said yes to a purchase by voucher, you can see it here.',
  'voucherPages.portal.ready': 'Ready to use',
  'voucherPages.portal.how':
    'Show the code in the shop before you pay. The shop scans it or types it in. Then the municipality pays.',
  'voucherPages.portal.screen': 'Turn up the brightness of your screen when the shop scans.',
  'voucherPages.portal.maxHidden': 'The shop can see how much you may buy for.',
  'voucherPages.portal.past': 'Old vouchers',
  'voucherPages.portal.used': 'Used on {date}. You bought for {amount} at {shop}.',
  'voucherPages.portal.usedNoAmount': 'Used on {date} at {shop}.',
  'voucherPages.portal.expired': 'Expired. The last day was {date}.',
  'voucherPages.portal.cancelled': 'Cancelled. It cannot be used.',
  'voucherPages.portal.help': 'Ask your support person if you need help.',
  'voucherPages.home.one': 'You have a voucher you can use.',
  'voucherPages.home.many': 'You have {count} vouchers you can use.',

  'voucherPages.sheet.title': 'Voucher for request no. {number}',
  'voucherPages.sheet.back': 'Back to the request',
  'voucherPages.sheet.print':
    'Print the page with the browser’s print (Ctrl+P or ⌘+P). Only the voucher is printed: it fills an A6 and can be cut out of the A4 sheet. It does not show the citizen’s name or CPR number.',
  'voucherPages.sheet.notUsable': 'The voucher cannot be used (status: {status}). Do not print it.',
  'voucherPages.sheet.heading': 'Voucher',
  'voucherPages.sheet.howTo': 'What to do',
  'voucherPages.sheet.step1': 'Go to {shop} on {date} at the latest.',
  'voucherPages.sheet.step1.anyShop': 'Go to a shop on the municipality’s list on {date} at the latest.',
  'voucherPages.sheet.step2': 'Show this paper before you pay. The shop scans the code.',
  'voucherPages.sheet.step3': 'At most {max} can be spent, and the code works only once.',
  'voucherPages.sheet.step4': 'Ask your support person if you need help.',
  'voucherPages.sheet.shop':
    'The shop: go to {address} and enter your PIN and the code. You can also scan the QR code.',
  'voucherPages.sheet.link': 'Link for the shop: {link}',

  'voucherPages.staff.heading': 'Voucher',
  'voucherPages.staff.issued': 'Issued',
  'voucherPages.staff.redeemedAt': 'Redeemed',
  'voucherPages.staff.redeemedAmount': 'Amount redeemed',
  'voucherPages.staff.redeemedBy': 'Redeemed by',
  'voucherPages.staff.reference': 'The shop’s reference',
  'voucherPages.staff.print': 'Print the voucher for the citizen',
  'voucherPages.flag.issued': 'Voucher, last day {date}',
  'voucherPages.flag.redeemed': 'The voucher is used; finance pays the shop',
  'voucherPages.home.heading': 'Vouchers about to expire',
  'voucherPages.home.lead':
    'These vouchers are not used, and their last day is within {days} days. Talk to the citizen about them.',
  'voucherPages.home.item': 'Case {caseNumber}, request {number}: {title} – last day {date}',
};
