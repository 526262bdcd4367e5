import type { confirmDa } from './confirm.da.ts';

// Confirmation pages of the case's steps and the ways forward from a refused step
// (spec: Refused steps), in English (spread into en.ts).
export const confirmEn: Record<keyof typeof confirmDa, string> = {
  'confirm.section': 'Pause or close',
  'confirm.whatHappens': 'What happens when you go on',
  'confirm.notNow': 'Not possible now',
  'confirm.cancel': 'Cancel and go back to the case',
  'confirm.money': 'The money',
  'confirm.money.return': '{amount} has not been used. It goes back to the pool when the case closes.',
  'confirm.money.nothingLeft': 'There is no unused money to go back to the pool.',
  'confirm.unusedFunds.citizen_may_use_all':
    'The scheme lets the citizen use the whole amount, but after the close the money cannot be used.',
  'confirm.unusedFunds.planned_subgoals_only':
    'The scheme lets the citizen spend money only on the planned sub-goals.',
  'confirm.reserved.heading': 'Money is still reserved',
  'confirm.reserved.text':
    '{amount} is reserved for purchases not yet paid. The case can close only when they are paid, or cancelled so the reservation is released:',
  'confirm.blocked': 'The case can close when no money is reserved any more.',
  'confirm.questionnaires.allDone': 'All questionnaires are answered.',
  'confirm.questionnaires.open':
    'These questionnaires are not answered. The end questionnaires must be answered when the case closes.',
  'confirm.subGoals': 'Sub-goals',
  'confirm.subGoals.text': '{count} sub-goals are neither reached nor dropped:',
  'confirm.lastDayNow': 'The last day of the case is now {date}.',
  'confirm.pause.endMoves': 'Paused days do not count. The end date moves by the days the pause lasts.',
  'confirm.pause.noRequests': 'During the pause, requests cannot be sent or approved.',
  'confirm.pause.reservedStays': '{amount} that is reserved stays reserved and can be paid as before.',
  'confirm.resume.endMoves': 'The case goes on. The end date moves by the days the pause from {date} lasted.',
  'confirm.questionnairesMove': 'The end questionnaires’ due dates move with the end date.',
  'confirm.request.confirmFirst': 'First the citizen confirms the request. Then it can be sent for approval.',
  'confirm.request.submitWhenActive': 'It can be sent for approval when the case is active.',
  'confirm.request.approveWhenActive': 'The request can be approved when the case is active.',
  'refusal.way.releaseReservations': 'Go to the purchases that hold reserved money',
  'refusal.way.resume': 'Resume the case first',
  'refusal.way.complete': 'Complete the case instead',
  'refusal.way.confirm': 'Record the citizen’s confirmation first',
  'refusal.way.budget': 'See the budget',
  'refusal.way.case': 'Go to the case',
} as const;
