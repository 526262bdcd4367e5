import type { AppError, FieldErrors } from '../../src/domain/errors.ts';
import { translate, translator, type Message } from '../../src/i18n/index.ts';

// Errors carry a catalogue key and its parameters; a test compares what a Danish reader is shown.

/** A message as a Danish reader reads it. */
export function danish(said: Message): string {
  return translate(translator('da'), said);
}

/** The error with its `message` in Danish words, to compare with `toMatchObject({ code, message })`. */
export function asDanish(error: unknown): Record<string, unknown> {
  const e = error as AppError;
  return { ...Object.fromEntries(Object.entries(e)), code: e.code, message: danish(e.userMessage) };
}

/** A form's field messages in Danish words. */
export function danishFields(fields: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, said]) => [name, danish(said)]));
}

// The one answer to each kind of failed log-in, whatever failed (nothing is given away), in Danish.
export const GENERIC_LOGIN_ERROR = translator('da')('error.access.loginFailed');
export const GENERIC_ACTIVATION_ERROR = translator('da')('error.access.activationFailed');
export const GENERIC_CODE_ERROR = translator('da')('error.access.codeFailed');
