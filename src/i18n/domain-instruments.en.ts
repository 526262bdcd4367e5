import type { domainInstrumentsDa } from './domain-instruments.da.ts';

// The questionnaires as asked, by version (domain/questionnaire/instrument.ts, who5.ts: the official WHO-5
// wording, never reworded), and what is wrong with an answer (answers.ts). In English (spread into en.ts).
export const domainInstrumentsEn: Record<keyof typeof domainInstrumentsDa, string> = {
  'instrument.who5.title': 'Well-being (WHO-5)',
  'instrument.who5.instruction':
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.',
  'instrument.who5.item.who5_1': 'Over the last two weeks I have felt cheerful and in good spirits',
  'instrument.who5.item.who5_2': 'Over the last two weeks I have felt calm and relaxed',
  'instrument.who5.item.who5_3': 'Over the last two weeks I have felt active and vigorous',
  'instrument.who5.item.who5_4': 'Over the last two weeks I woke up feeling fresh and rested',
  'instrument.who5.item.who5_5':
    'Over the last two weeks my daily life has been filled with things that interest me',
  'instrument.who5.answer.5': 'All of the time',
  'instrument.who5.answer.4': 'Most of the time',
  'instrument.who5.answer.3': 'More than half of the time',
  'instrument.who5.answer.2': 'Less than half of the time',
  'instrument.who5.answer.1': 'Some of the time',
  'instrument.who5.answer.0': 'At no time',
  'instrument.who5.short.who5_1': 'Well-being (WHO-5), statement 1',
  'instrument.who5.short.who5_2': 'Well-being (WHO-5), statement 2',
  'instrument.who5.short.who5_3': 'Well-being (WHO-5), statement 3',
  'instrument.who5.short.who5_4': 'Well-being (WHO-5), statement 4',
  'instrument.who5.short.who5_5': 'Well-being (WHO-5), statement 5',
  'instrument.v1.distance.short': 'Distance to goal',
  'instrument.v1.citizen_start.title': "Citizen's questionnaire at the start",
  'instrument.v1.goal_categories.text': 'What is your long-term goal about? Choose all that apply.',
  'instrument.v1.goal_categories.short': 'Goal categories',
  'instrument.v1.distance_start.text': 'How close are you to reaching your long-term goal?',
  'instrument.v1.support_start.title': "Support person's questionnaire at the start",
  'instrument.v1.belief.text':
    'To what degree do you believe the citizen will reach their long-term goal during the case?',
  'instrument.v1.belief.short': 'Belief in the goal',
  'instrument.v1.citizen_end.title': "Citizen's questionnaire at the end",
  'instrument.v1.distance_end.text': 'How close are you now to reaching your long-term goal?',
  'instrument.v1.self_determination.text':
    'To what degree have you felt that you decided for yourself during the case?',
  'instrument.v1.self_determination.short': 'Experienced self-determination',
  'instrument.v1.quality_of_life.text': 'To what degree has the case given you a better quality of life?',
  'instrument.v1.quality_of_life.short': 'Quality of life',
  'instrument.v1.support_end.title': "Support person's questionnaire at the end",
  'instrument.v1.assessment.text':
    'To what degree has the citizen reached their long-term goal during the case?',
  'instrument.v1.assessment.short': 'Assessment of goal attainment',
  'answers.chooseOne': 'Choose one of the answers to "{item}".',
  'answers.notAnAnswer': '{values} is not a possible answer to "{item}". {choices}',
  'answers.notAnswers': '{values} are not possible answers to "{item}". {choices}',
  'answers.notAList': 'The answer to "{item}" must be a list of choices.',
  'answers.notWhole': 'The answer to "{item}" must be a whole number from {min} to {max}.',
  'answers.outOfRange': 'The answer to "{item}" must be a whole number from {min} to {max}, not {value}.',
  'answers.choices': 'Choose from: {labels}.',
  'answers.listMore': '{first}, {rest}',
  'answers.unknownItem': 'The question "{id}" does not exist in "{title}" (version {version}).',
  'answers.missing': 'Answer "{item}" to save the questionnaire as finished.',
};
