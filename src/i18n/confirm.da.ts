// Confirmation pages of the case's steps and the ways forward from a refused step
// (spec: Refused steps). Spread into da.ts.
export const confirmDa = {
  'confirm.section': 'Pause eller afslutning',
  'confirm.whatHappens': 'Det sker, når du går videre',
  'confirm.notNow': 'Ikke muligt nu',
  'confirm.cancel': 'Fortryd og gå tilbage til forløbet',
  'confirm.money': 'Pengene',
  'confirm.money.return': '{amount} er ikke brugt. Beløbet går tilbage til puljen, når forløbet lukkes.',
  'confirm.money.nothingLeft': 'Der er ingen ubrugte penge, der skal tilbage til puljen.',
  'confirm.unusedFunds.citizen_may_use_all':
    'Ordningen lader borgeren bruge hele beløbet, men efter lukningen kan pengene ikke bruges.',
  'confirm.unusedFunds.planned_subgoals_only':
    'Ordningen lader kun borgeren bruge penge til de planlagte delmål.',
  'confirm.reserved.heading': 'Der er stadig penge reserveret',
  'confirm.reserved.text':
    '{amount} er reserveret til køb, der ikke er betalt. Forløbet kan først lukkes, når købene er betalt, eller når de er annulleret, så reservationen frigives:',
  'confirm.blocked': 'Forløbet kan lukkes, når der ikke længere er penge reserveret.',
  'confirm.questionnaires.allDone': 'Alle spørgeskemaer er besvaret.',
  'confirm.questionnaires.open':
    'Disse spørgeskemaer er ikke besvaret. Slutspørgeskemaerne skal besvares, når forløbet lukkes.',
  'confirm.subGoals': 'Delmål',
  'confirm.subGoals.text': '{count} delmål er hverken nået eller fravalgt:',
  'confirm.lastDayNow': 'Sidste dag i forløbet er nu {date}.',
  'confirm.pause.endMoves': 'Dagene på pause tæller ikke. Slutdatoen flyttes med de dage, pausen varer.',
  'confirm.pause.noRequests': 'Under pausen kan anmodninger ikke sendes eller godkendes.',
  'confirm.pause.reservedStays': '{amount}, der er reserveret, bliver stående og kan betales som før.',
  'confirm.resume.endMoves':
    'Forløbet fortsætter. Slutdatoen flyttes med de dage, pausen fra {date} har varet.',
  'confirm.questionnairesMove': 'Fristerne for slutspørgeskemaerne flyttes med slutdatoen.',
  'confirm.request.confirmFirst':
    'Først skal borgeren bekræfte anmodningen. Derefter kan den sendes til godkendelse.',
  'confirm.request.submitWhenActive': 'Den kan sendes til godkendelse, når forløbet er aktivt.',
  'confirm.request.approveWhenActive': 'Anmodningen kan godkendes, når forløbet er aktivt.',
  'refusal.way.releaseReservations': 'Gå til købene, der har penge reserveret',
  'refusal.way.resume': 'Genoptag forløbet først',
  'refusal.way.complete': 'Afslut forløbet i stedet',
  'refusal.way.confirm': 'Registrér borgerens bekræftelse først',
  'refusal.way.budget': 'Se budgettet',
  'refusal.way.case': 'Gå til forløbet',
} as const;
