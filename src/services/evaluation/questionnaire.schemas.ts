import { z } from 'zod';
import { checkbox, optionalDate, say } from '../form-fields.ts';

// The questionnaire form and API body (conventions: Input validation). The answers are judged item by item by
// the domain (domain/questionnaire/answers.ts) against the instrument's version, so each bad answer gets its
// own message; here only the shape is checked.

export const QuestionnaireInput = z.object({
  answers: z
    .record(z.string(), z.unknown(), { error: say('field.questionnaire.answers') })
    .optional()
    .transform((v) => v ?? {})
    .describe(
      'Item id → answer: a code of the scale (single choice), a list of codes (multi choice) or a whole ' +
        'number (rating); null clears an earlier answer. Items left out keep their saved answer.',
    ),
  complete: checkbox.describe('true: save as complete (every item must be answered); false: part-way'),
  answeredOn: optionalDate.describe('The day it was answered (YYYY-MM-DD); today when left out'),
});
export type QuestionnaireInput = z.input<typeof QuestionnaireInput>;
