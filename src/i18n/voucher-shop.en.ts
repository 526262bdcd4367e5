import type { voucherShopDa } from './voucher-shop.da.ts';

// The shop's pages for redeeming a voucher in English (spread into en.ts).
export const voucherShopEn: Record<keyof typeof voucherShopDa, string> = {
  'voucherShop.title': 'Redeem voucher',
  'voucherShop.intro':
    "The customer pays with a voucher from the municipality. Type the shop's PIN and the code from the voucher.",
  'voucherShop.pin': "The shop's PIN",
  'voucherShop.pinHint': '8 digits. The shop got it from the municipality.',
  'voucherShop.code': "The voucher's code",
  'voucherShop.codeHint': '12 characters. It is on the voucher. E.g. 7KQM 4TRW 2XHP',
  'voucherShop.check': 'Find the voucher',
  'voucherShop.help': 'Does the shop have no PIN, or does it not work? Then contact the municipality.',

  'voucherShop.approved.heading': 'What is approved',
  'voucherShop.approved.lead': 'The customer can buy for at most {max}',
  'voucherShop.approved.title': 'Purchase',
  'voucherShop.approved.category': 'Category',
  'voucherShop.approved.max': 'At most',
  'voucherShop.approved.lastDay': 'Last day',
  'voucherShop.approved.shop': 'Shop',
  'voucherShop.approved.code': 'Code',

  'voucherShop.receipt.heading': 'The receipt',
  'voucherShop.receipt.amount': 'Amount on the receipt',
  'voucherShop.receipt.amountHint': 'Write the amount in kroner, e.g. 450 or 450,50. At most {max}',
  'voucherShop.receipt.number': "The receipt's or invoice's number",
  'voucherShop.receipt.file': 'Receipt or invoice',
  'voucherShop.receipt.fileHint': 'Take a photo, or choose a file. PDF, JPEG or PNG.',
  'voucherShop.receipt.submit': 'Redeem the voucher',

  'voucherShop.done.title': 'The voucher is redeemed',
  'voucherShop.done.reference': 'Reference',
  'voucherShop.done.writeReference': 'Write the reference on the invoice.',
  'voucherShop.done.pays': 'The municipality pays {amount} to the shop.',
  'voucherShop.done.summary': 'What is redeemed',
  'voucherShop.done.amount': 'Amount',
  'voucherShop.done.at': 'Redeemed',
  'voucherShop.done.another': 'Redeem another voucher',

  'voucherShop.refused.title': 'The voucher cannot be used',
  'voucherShop.refused.help': 'Ask the customer to contact the municipality.',
  'voucherShop.refused.again': 'Try another code',
};
