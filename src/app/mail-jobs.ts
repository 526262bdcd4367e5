import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services/index.ts';
import { smtpTransport } from '../services/mail/smtp-transport.ts';

// The e-mail notifications' round (operations: E-mail), every minute in every process: mails for what is
// new, the day's digest from its hour on (looked at every quarter of an hour; one process a day), the
// outbox handed to the mail server, and sent mails older than 30 days removed. Each step is safe in several processes at once; a failure is
// logged with counts only — never an address — and the next round tries again.

const ROUND_MS = 60_000;
/** The digest is looked at this often: a day whose digest failed for some is tried again, not every minute. */
const DIGEST_EVERY_MS = 15 * 60_000;

export function startMailJobs(services: Services, logger: Logger, config: Config): NodeJS.Timeout {
  const { smtp, digestHour } = config.mail;
  const transport = smtp && smtpTransport(smtp);
  const settings = { baseUrl: config.baseUrl, digestHour };
  let running = false;
  let nextDigest = 0;
  const round = async () => {
    await services.mail.queueNewWork(settings).then(
      ({ queued, failed }) => {
        if (failed > 0) logger.warn({ queued, failed }, 'could not queue every mail about new work');
        else if (queued > 0) logger.info({ queued }, 'mails about new work queued');
      },
      (err: unknown) => logger.warn({ err }, 'could not queue the mails about new work'),
    );
    if (Date.now() >= nextDigest) {
      nextDigest = Date.now() + DIGEST_EVERY_MS;
      await services.mail.queueDigests(settings).then(
        ({ ran, queued, failed }) => {
          if (failed > 0) logger.warn({ queued, failed }, 'could not queue every daily digest; trying again');
          else if (ran) logger.info({ queued }, 'daily digest mails queued');
        },
        (err: unknown) => logger.warn({ err }, 'could not queue the daily digest mails'),
      );
    }
    if (transport) {
      await services.mail.sendDue(transport).then(
        ({ sent, failed }) => {
          if (failed > 0)
            logger.warn({ sent, failed }, 'the mail server did not take every mail; trying again later');
          else if (sent > 0) logger.info({ sent }, 'mails sent');
        },
        (err: unknown) => logger.warn({ err }, 'could not send the outbox'),
      );
    }
    await services.mail.removeOldSent().catch((err: unknown) => {
      logger.warn({ err }, 'could not remove old sent mails');
    });
  };
  // A round that outlasts the minute (a slow mail server) is not overtaken by the next.
  const tick = () => {
    if (running) return;
    running = true;
    void round().finally(() => {
      running = false;
    });
  };
  tick();
  const timer = setInterval(tick, ROUND_MS);
  timer.unref();
  return timer;
}
