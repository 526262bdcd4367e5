import { createTransport } from 'nodemailer';

// Hands a mail to the mail server (spec: E-mail notifications). One connection per mail keeps it simple and
// lets a mail server that was down be tried afresh; the volume is a few mails per user a day.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Takes a mail or throws; the outbox tries a failed mail again later. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export interface SmtpSettings {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
  url: URL;
  from: string;
  /** Refuse a server that does not offer STARTTLS: no mail crosses the network in plain text. */
  requireTls: boolean;
}

/** A mail server that has not answered by then is taken as down; the mail is tried again later. */
const TIMEOUT_MS = 15_000;

export function smtpTransport(settings: SmtpSettings): MailTransport {
  const { url } = settings;
  const secure = url.protocol === 'smtps:';
  const transporter = createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && settings.requireTls,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },
  };
}

/**
 * What is kept of a failure: the kind of error and the server's reply code, never its message, which may
 * repeat the address or the mail.
 */
export function failureOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const kind = typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'error';
  return typeof responseCode === 'number' ? `${kind} ${responseCode}` : kind;
}
