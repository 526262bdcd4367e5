import { z } from 'zod';
import { PREFERRED_LANGUAGES } from '../../domain/case-intake.ts';
import { parseCpr, type Cpr } from '../../domain/cpr.ts';
import { codeOr, issue, optionalText, say, text } from '../form-fields.ts';
import { message } from '../../i18n/index.ts';

// One schema per citizen form and API call (conventions: Input validation). The CPR number is checked for
// format and date only (no modulus-11 check, domain/cpr.ts); messages never repeat what was typed.

const CPR_MESSAGES = {
  format: 'field.citizen.cprFormat',
  date: 'field.citizen.cprDate',
} as const;

const cprField = z.string({ error: say(CPR_MESSAGES.format) }).transform((value, ctx): Cpr => {
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    ctx.addIssue(issue(message(CPR_MESSAGES[parsed.error])));
    return z.NEVER;
  }
  return parsed.cpr;
});

const contact = {
  name: text('field.citizen.name', 200),
  phone: optionalText(40).refine((v) => v === null || /^\+?[0-9 ]{8,20}$/.test(v), {
    message: say('field.citizen.phone'),
  }),
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
    message: say('field.citizen.email'),
  }),
  preferredLanguage: codeOr(PREFERRED_LANGUAGES, 'da', 'field.citizen.language'),
};

export const RegisterCitizenInput = z.object({ cpr: cprField, ...contact });
export type RegisterCitizenInput = z.input<typeof RegisterCitizenInput>;

export const FindCitizenInput = z.object({ cpr: cprField });
export type FindCitizenInput = z.input<typeof FindCitizenInput>;

export const UpdateCitizenInput = z.object(contact);
export type UpdateCitizenInput = z.input<typeof UpdateCitizenInput>;
