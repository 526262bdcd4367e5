import type { Config } from '../config.ts';
import type { AppError } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import type { Actor } from '../services/context.ts';
import type { Services } from '../services/index.ts';

export interface AppDeps {
  services: Services;
  config: Config;
  logger: Logger;
  /** True while the server shuts down: readiness then answers 503 so no new traffic is sent. */
  draining?: () => boolean;
}

/** What middleware puts on each request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    nonce: string;
    actor: Actor | null;
    sessionToken: string | null;
    sessionExpiresAt: Date | null;
    csrfToken: string;
    lang: 'da' | 'en';
    /** A step refused as the page posted it, shown in place on the page it came from (web/form-route.ts). */
    refused: AppError | undefined;
  };
}
