import type { CitizenRow } from '../../db/repositories/citizen.repository.ts';
import { completedYears, type CalendarDate } from '../../domain/calendar-date.ts';
import type { PreferredLanguage } from '../../domain/case-intake.ts';
import type { LegalGender } from '../../domain/cpr.ts';

// How staff see a citizen: the CPR number masked `DDMMYY-XXXX` (spec: CPR numbers). The first six digits are
// the birth date, which is stored beside the ciphertext, so showing the masked number needs no key.

export interface CitizenView {
  id: string;
  name: string;
  maskedCpr: string;
  birthDate: string;
  age: number;
  legalGender: LegalGender;
  phone: string | null;
  email: string | null;
  preferredLanguage: PreferredLanguage;
  hasPortalLogin: boolean;
}

export function maskedCprOf(birthDate: string): string {
  return `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}-XXXX`;
}

export function toCitizenView(row: CitizenRow, today: CalendarDate): CitizenView {
  return {
    id: row.id,
    name: row.name,
    maskedCpr: maskedCprOf(row.birth_date),
    birthDate: row.birth_date,
    age: completedYears(row.birth_date as CalendarDate, today),
    legalGender: row.legal_gender as LegalGender,
    phone: row.phone,
    email: row.email,
    preferredLanguage: row.preferred_language as PreferredLanguage,
    hasPortalLogin: row.user_id !== null,
  };
}
