import { Conflict, ValidationFailed, type AppError } from '../domain/errors.ts';

// The one shape of a form's POST (conventions: Input validation): call the service and answer (as a
// rule a 303 to the next page); when the service refuses what was typed, show the form again with what
// was typed and the errors, and nothing has changed. Any other error goes on to the page error mapper.
// The caller's render sets the status: 422 for a refused input, 409 for a refused step, as a rule.

type Rendered = Response | Promise<Response>;

export interface FormRefusals<R extends AppError> {
  /** What was typed is refused field by field: the form again with the values and errors. */
  invalid: (error: ValidationFailed) => Rendered;
  /** A step not possible now: the page again with the service's reason, instead of the error page. */
  refused?: (error: R) => Rendered;
  /** Which errors `refused` shows; a Conflict unless said otherwise. */
  isRefusal?: (error: unknown) => error is R;
}

const isConflict = (error: unknown): error is Conflict => error instanceof Conflict;

export async function submitForm<R extends AppError = Conflict>(
  run: () => Promise<Response>,
  { invalid, refused, isRefusal = isConflict as (error: unknown) => error is R }: FormRefusals<R>,
): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationFailed) return invalid(error);
    if (refused && isRefusal(error)) return refused(error);
    throw error;
  }
}
