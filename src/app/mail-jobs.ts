import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../services/index.ts';
import { smtpTransport } from '../services/mail/smtp-transport.ts';
import { repeat, type RepeatedJob } from './repeat.ts';

// The e-mail notifications' round (operations: E-mail), every minute in every process, the first a minute
// after the start (a starting process serves first): mails for what is new, the day's digest from its
// hour on (looked at every quarter of an hour; one process a day), the outbox handed to the mail server,
// and sent mails older than 30 days removed. Each step is safe in several processes at once; a failure
// is logged with counts only — never an address — and the next round tries again.

const ROUND_MS = 60_000;
/** The digest is looked at this often: a day whose digest failed for some is tried again, not every minute. */
const DIGEST_EVERY_MS = 15 * 60_000;

export function startMailJobs(services: Services, logger: Logger, config: Config): RepeatedJob {
  const { smtp, digestHour } = config.mail;
  const transport = smtp && smtpTransport(smtp);
  const settings = { baseUrl: config.baseUrl, digestHour };
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
  return repeat(round, {
    everyMs: ROUND_MS,
    firstAfterMs: ROUND_MS,
    onError: (err) => logger.warn({ err }, 'the mail round failed'),
  });
}
