import type { AddressInfo } from 'node:net';
import smtpServer from 'smtp-server';

// A real SMTP server for the tests (spec: E-mail notifications), on a free port of 127.0.0.1: it takes
// every mail and keeps it, decoded, for the test to read. No TLS and no log-in: the tests' mails never
// leave the machine.

export interface ReceivedMail {
  to: string[];
  /** The raw message: headers and body as sent. */
  raw: string;
  /** The text body, decoded from quoted-printable. */
  text: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts the server on `port`, or on a free one. */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new smtpServer.SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: textOf(raw) });
        callback();
      });
    },
  });
  const listener = server.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    listener.once('listening', resolve);
    listener.once('error', reject);
  });
  return {
    port: (listener.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body after the headers, quoted-printable decoded (nodemailer's encoding of non-ASCII text). */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? body.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i] ?? ''));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}
