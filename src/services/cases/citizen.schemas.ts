import { z } from 'zod';
import { PREFERRED_LANGUAGES } from '../../domain/case-intake.ts';
import { parseCpr, type Cpr } from '../../domain/cpr.ts';
import { codeOr, optionalText, text } from '../form-fields.ts';

// One schema per citizen form and API call (conventions: Input validation). The CPR number is checked for
// format and date only (no modulus-11 check, domain/cpr.ts); messages never repeat what was typed.

export const CPR_MESSAGES = {
  format: 'Skriv CPR-nummeret som 10 cifre, fx DDMMÅÅ-XXXX.',
  date: 'CPR-nummeret begynder ikke med en gyldig fødselsdato.',
} as const;

export const cprField = z.string({ error: CPR_MESSAGES.format }).transform((value, ctx): Cpr => {
  const parsed = parseCpr(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: CPR_MESSAGES[parsed.error] });
    return z.NEVER;
  }
  return parsed.cpr;
});

const contact = {
  name: text('borgerens navn', 200),
  phone: optionalText(40).refine((v) => v === null || /^\+?[0-9 ]{8,20}$/.test(v), {
    message: 'Skriv telefonnummeret med cifre, fx 12 34 56 78.',
  }),
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
    message: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.',
  }),
  preferredLanguage: codeOr(PREFERRED_LANGUAGES, 'da', 'Vælg et sprog fra listen.'),
};

export const RegisterCitizenInput = z.object({ cpr: cprField, ...contact });
export type RegisterCitizenInput = z.input<typeof RegisterCitizenInput>;

export const FindCitizenInput = z.object({ cpr: cprField });
export type FindCitizenInput = z.input<typeof FindCitizenInput>;

export const UpdateCitizenInput = z.object(contact);
export type UpdateCitizenInput = z.input<typeof UpdateCitizenInput>;
