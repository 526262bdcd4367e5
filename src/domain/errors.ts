// Typed errors with stable codes (conventions: Typed errors). Services throw them; one mapper per adapter
// turns them into a status and a page or JSON. `code` is for machines (the API's `error.code`);
// `userMessage` is for people: a catalogue key and its parameters, translated into the reader's language
// at the edge (page, API answer, command line). The Error's own `message` is the key, for logs.
import { message, type Message } from '../i18n/index.ts';

/** One message per form field (the field's name, or `_form` for the form as a whole), translated where shown. */
export type FieldErrors = Record<string, Message>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: Message,
  ) {
    super(userMessage.key);
    this.name = new.target.name;
  }
}

/** Also used for "not allowed": the caller must not learn that the thing exists (spec: Authorisation). */
export class NotFound extends AppError {
  constructor(said: Message = message('error.default.notFound')) {
    super('not_found', said);
  }
}

export class Unauthenticated extends AppError {
  constructor(said: Message = message('error.default.unauthenticated')) {
    super('unauthenticated', said);
  }
}

export class ValidationFailed extends AppError {
  constructor(
    readonly fields: FieldErrors,
    said: Message = message('error.default.validationFailed'),
  ) {
    super('validation_failed', said);
  }
}

export class Conflict extends AppError {
  constructor(said: Message, code = 'conflict') {
    super(code, said);
  }
}

/**
 * The actor signed in at a lower level than the programme asks for before money or personal data is
 * changed (spec: Log-in and assurance): they may sign in again with MitID or a second factor.
 */
export class SignInLevelTooLow extends AppError {
  constructor(said: Message = message('error.access.signInLevelTooLow')) {
    super('sign_in_level_too_low', said);
  }
}

/**
 * A MitID log-in that gives no session (spec: Citizen log-in): the level is below substantial, no citizen
 * of an open case has the CPR number, no programme of theirs offers MitID, or their access is closed.
 */
export class MitIdRefused extends AppError {
  constructor(readonly reason: 'level' | 'unknown' | 'notOffered' | 'closed') {
    super('mitid_refused', message(`mitid.${reason}.text`));
  }
}

export class TooManyAttempts extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    said: Message,
  ) {
    super('too_many_attempts', said);
  }
}

/** The database cannot be reached or refused the work for now: nothing was saved; try again shortly. */
export class Unavailable extends AppError {
  readonly retryAfterSeconds = 5;
  constructor(said: Message = message('error.default.unavailable')) {
    super('unavailable', said);
  }
}
