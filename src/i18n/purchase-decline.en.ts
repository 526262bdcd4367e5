import type { purchaseDeclineDa } from './purchase-decline.da.ts';

// The citizen's "no" to a purchase, in English (spread into en.ts).
export const purchaseDeclineEn: Record<keyof typeof purchaseDeclineDa, string> = {
  'portal.purchases.state.declined': 'You said no. Your support person knows.',
  'portal.confirm.no': 'No thanks',
  'portal.confirm.noLabel': 'No thanks: {title}',
  'portal.decline.title': 'Say no to a purchase',
  'portal.decline.lede':
    'Do you not want this purchase? Then you can say no. Your support person will be told.',
  'portal.decline.reason': 'Why do you say no?',
  'portal.decline.reasonHint':
    'You do not have to write anything. Write, for example, if the price is too high or if you want something else.',
  'portal.decline.submit': 'Say no to the purchase',
  'portal.decline.back': 'Go back',
  'portal.decline.done': 'You said no to the purchase. Your support person will be told.',
  'money.declined.heading': 'The citizen said no to the request',
  'money.declined.when': 'The citizen said no in the portal {at}.',
  'money.declined.reason': "The citizen's reason: {reason}",
  'money.declined.noReason': 'The citizen gave no reason.',
  'money.declined.next': 'Change the request, and the citizen is asked again, or cancel it.',
};
