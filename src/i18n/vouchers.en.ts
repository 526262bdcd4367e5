import type { vouchersDa } from './vouchers.da.ts';

// The voucher's words from the domain and the services, in English (spread into en.ts).
export const vouchersEn: Record<keyof typeof vouchersDa, string> = {
  'label.paymentMethod.voucher': 'Voucher',
  'label.voucherStatus.issued': 'Ready to use',
  'label.voucherStatus.redeemed': 'Used',
  'label.voucherStatus.cancelled': 'Cancelled',
  'label.voucherStatus.expired': 'Expired',
  'voucher.refused.redeemed': 'The voucher has already been used.',
  'voucher.refused.cancelled': 'The voucher is cancelled and cannot be used.',
  'voucher.refused.expired': 'The voucher has expired and cannot be used.',
  'voucher.refused.otherVendor': 'The voucher is for another shop.',
  'voucher.refused.amountNotPositive': 'Enter an amount of more than 0 kr.',
  'voucher.refused.overMaximum': 'The amount may be at most {max}',
  'voucher.refused.wrongPinOrCode': "The PIN or the voucher's code is wrong. Check both and try again.",
  'voucher.refused.ticketExpired': 'The page is too old. Enter the PIN and the code again.',
  'voucher.refused.receiptNumber': "Enter the receipt's or the invoice's number.",
  'voucher.refused.file': 'Choose the receipt or the invoice as PDF, JPEG or PNG.',
  'voucher.refused.notEnabled': 'The programme does not offer vouchers.',
  'voucher.refused.categoryNotAllowed': 'This expense category cannot be bought with a voucher.',
  'voucher.refused.vendorNeeded': 'Choose the shop where the voucher is to be used.',
  'voucher.refused.cancelRedeemed':
    'The voucher has been used, so the purchase cannot be cancelled. Finance pays the shop.',
  'voucher.refused.notRedeemed':
    'The voucher has not been redeemed yet. The shop must redeem it before finance can pay.',
  'voucher.expiredReason': 'The voucher expired on {date} without being used.',
  'voucher.sms':
    'Your voucher from the municipality: code {code}. Use it for at most {max} at {shop} by {date}. Show the code in the shop.',
  'voucher.sms.anyShop': "a shop on the municipality's list",
};
