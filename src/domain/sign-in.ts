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

/**
 * The ways into the portal a programme offers its citizens (spec: Citizen log-in): the one-time code from
 * the support person (and the password chosen with it) and MitID, MitID only, or the code only.
 */
export const CITIZEN_SIGN_IN_WAYS = ['code_and_mitid', 'mitid_only', 'code_only'] as const;
export type CitizenSignInWays = (typeof CITIZEN_SIGN_IN_WAYS)[number];

/** Whether a programme's ways include the code (and the password chosen with it). */
export const offersCode = (ways: CitizenSignInWays): boolean => ways !== 'mitid_only';
/** Whether a programme's ways include MitID. */
const offersMitId = (ways: CitizenSignInWays): boolean => ways !== 'code_only';

/**
 * A citizen's ways in, over the programmes of their open cases: the code (and its password) unless one of
 * them asks for MitID only (a citizen without an open case keeps the password they have); MitID when one
 * of them offers it.
 */
export function citizenWays(programmes: readonly CitizenSignInWays[]): { code: boolean; mitId: boolean } {
  return { code: programmes.every(offersCode), mitId: programmes.some(offersMitId) };
}

/**
 * The NSIS level in NemLog-in's assurance attribute as a broker passes it through: `Low`, `Substantial`
 * or `High` (OIOSAML 3.0, attribute https://data.gov.dk/concept/core/nsis/loa), or the same as the
 * AuthnContextClassRef URI that ends in it (https://data.gov.dk/concept/core/nsis/loa/Substantial).
 * Anything else is no level.
 */
export function nsisLevelOf(value: unknown): AssuranceLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.startsWith(`${NSIS_LOA}/`) ? value.slice(NSIS_LOA.length + 1) : value;
  return NSIS_LEVELS.get(name);
}

const NSIS_LOA = 'https://data.gov.dk/concept/core/nsis/loa';
const NSIS_LEVELS: ReadonlyMap<string, AssuranceLevel> = new Map([
  ['Low', 'low'],
  ['Substantial', 'substantial'],
  ['High', 'high'],
]);

/** Whether `level` is at least `required`. */
export function meetsLevel(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return ASSURANCE_LEVELS.indexOf(level) >= ASSURANCE_LEVELS.indexOf(required);
}

/** A system's API token: made by an administrator for one system, and as strong as a second factor. */
export const API_TOKEN_SIGN_IN: SignIn = { method: 'api_token', assurance: 'substantial' };
