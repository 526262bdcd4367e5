// Typed errors with stable codes (conventions: Typed errors). Services throw them; one mapper in http/ turns
// them into a status and a page or JSON. `message` is for the user (Danish by default); `code` is for
// machines.

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Also used for "not allowed": the caller must not learn that the thing exists (spec: Authorisation). */
export class NotFound extends AppError {
  constructor(message = 'Siden eller oplysningen findes ikke.') {
    super('not_found', message);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'Du skal logge ind.') {
    super('unauthenticated', message);
  }
}

export class ValidationFailed extends AppError {
  constructor(
    readonly fields: FieldErrors,
    message = 'Der er fejl i det indtastede.',
  ) {
    super('validation_failed', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, code = 'conflict') {
    super(code, message);
  }
}

export class TooManyAttempts extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('too_many_attempts', message);
  }
}

/** The database cannot be reached or refused the work for now: nothing was saved; try again shortly. */
export class Unavailable extends AppError {
  readonly retryAfterSeconds = 5;
  constructor(message = 'Borgerbudget kan ikke nå sin database lige nu. Intet er gemt. Prøv igen om lidt.') {
    super('unavailable', message);
  }
}
