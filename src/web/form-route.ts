import { getContext } from 'hono/context-storage';
import { Conflict, ValidationFailed, type AppError } from '../domain/errors.ts';
import type { AppEnv } from '../http/env.ts';

// The one shape of a form's POST (conventions: Input validation): call the service and answer (as a
// rule a 303 to the next page); when the service refuses what was typed, show the form again with what
// was typed and the errors, and nothing has changed. A step not possible now (a Conflict) is shown in
// place as well: the same page, its error summary saying why and where to go on (spec: Refused steps),
// answered 409. Any other error goes on to the page error mapper.
// The caller's render sets the status: 422 for a refused input, as a rule.

type Rendered = Response | Promise<Response>;

export interface FormRefusals<R extends AppError> {
  /** What was typed is refused field by field: the form again with the values and errors. */
  invalid: (error: ValidationFailed) => Rendered;
  /** A step not possible now, when the page shows it otherwise than in its error summary. */
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
    if (error instanceof Conflict) return inPlace(error, invalid);
    throw error;
  }
}

/**
 * The page the form was on, again, with the refusal in its error summary (pageContext reads it from
 * the request's context, which hono's context storage holds, so no route has to pass it on).
 */
async function inPlace(error: Conflict, invalid: FormRefusals<AppError>['invalid']): Promise<Response> {
  getContext<AppEnv>().set('refused', error);
  const page = await invalid(new ValidationFailed({}, error.userMessage));
  return new Response(page.body, { status: 409, headers: page.headers });
}
