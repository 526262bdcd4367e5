// How a session's user proved who they are, and how sure that makes us (spec: Log-in and assurance).
// The levels are NSIS's (the Danish national standard for identity assurance): lav, betydelig, høj.

export const ASSURANCE_LEVELS = ['low', 'substantial', 'high'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

/**
 * The ways into a session. `password`: a local password alone; `password_totp`: with a code from an
 * authenticator app; `activation`: a citizen's activation code and new password; `mitid`: MitID through
 * the NemLog-in broker; `municipal_sso`: the municipality's own log-in; `api_token`: a system's token.
 */
export const SIGN_IN_METHODS = [
  'password',
  'password_totp',
  'activation',
  'mitid',
  'municipal_sso',
  'api_token',
] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The ways that start a browser session (an API token is sent with every call instead). */
export type SessionMethod = Exclude<SignInMethod, 'api_token'>;

export interface SignIn {
  method: SignInMethod;
  assurance: AssuranceLevel;
}

/** The levels a programme may ask for before money or personal data is changed. */
export const CHANGE_ASSURANCE_LEVELS = ['low', 'substantial'] as const satisfies readonly AssuranceLevel[];
export type ChangeAssuranceLevel = (typeof CHANGE_ASSURANCE_LEVELS)[number];

/** Whether `level` is at least `required`. */
export function meetsLevel(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return ASSURANCE_LEVELS.indexOf(level) >= ASSURANCE_LEVELS.indexOf(required);
}

/** A system's API token: made by an administrator for one system, and as strong as a second factor. */
export const API_TOKEN_SIGN_IN: SignIn = { method: 'api_token', assurance: 'substantial' };
