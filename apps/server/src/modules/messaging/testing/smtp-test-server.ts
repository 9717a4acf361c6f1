import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface SmtpTestServer {
  url: string;
  received: ReceivedMail[];
  /** Answers the next `count` messages with a temporary failure (451), after reading them. */
  rejectNext(count: number): void;
  /** How many messages were rejected so far. */
  rejected(): number;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a random port, keeping what it accepts for assertions. */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  let toReject = 0;
  let rejectedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to manage in tests.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((address) => address.address);
      if (toReject > 0) {
        toReject--;
        rejectedCount++;
        stream.on('end', () => {
          const error = Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 });
          callback(error);
        });
        stream.resume();
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received.push({ envelopeTo, parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(count) {
      toReject = count;
    },
    rejected: () => rejectedCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
