// The citizen's "no" to a purchase (spec: Citizen confirmation): the portal's words (plain Danish, LIX ≤ 35)
// and what staff see on the request. Spread into da.ts.
export const purchaseDeclineDa = {
  'portal.purchases.state.declined': 'Du har sagt nej. Din støtteperson ved det.',
  'portal.confirm.no': 'Nej tak',
  'portal.confirm.noLabel': 'Nej tak: {title}',
  'portal.decline.title': 'Sig nej til et køb',
  'portal.decline.lede':
    'Vil du ikke have det her køb? Så kan du sige nej. Din støtteperson får det at vide.',
  'portal.decline.reason': 'Hvorfor siger du nej?',
  'portal.decline.reasonHint':
    'Du behøver ikke skrive noget. Skriv fx, hvis prisen er for høj, eller hvis du vil have noget andet.',
  'portal.decline.submit': 'Sig nej til købet',
  'portal.decline.back': 'Gå tilbage',
  'portal.decline.done': 'Du har sagt nej til købet. Din støtteperson får det at vide.',
  'money.declined.heading': 'Borgeren har sagt nej til anmodningen',
  'money.declined.when': 'Borgeren sagde nej i portalen {at}.',
  'money.declined.reason': 'Borgerens begrundelse: {reason}',
  'money.declined.noReason': 'Borgeren skrev ingen begrundelse.',
  'money.declined.next': 'Ret anmodningen, så bliver borgeren spurgt igen, eller annullér den.',
} as const;
