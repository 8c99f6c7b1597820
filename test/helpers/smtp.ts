import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Body with quoted-printable soft breaks and escapes undone, good enough to find a link in. */
  text: string;
}

/** A real SMTP server on a random loopback port that keeps what it receives. */
export async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; waitFor(n: number): Promise<void>; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to, raw, text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(n: number) {
      for (let i = 0; i < 100 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      if (mails.length < n) throw new Error(`expected ${n} mails, got ${mails.length}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MailPart {
  headers: Record<string, string>;
  body: string;
}

/** The MIME parts of a received mail, bodies decoded (base64 or quoted-printable) as UTF-8. */
export function partsOf(mail: ReceivedMail): { headers: Record<string, string>; parts: MailPart[] } {
  const split = (block: string) => {
    const at = block.search(/\r?\n\r?\n/);
    const head = block.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
    const headers = Object.fromEntries(head.split(/\r?\n/).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    return { headers, body: block.slice(at).replace(/^\r?\n\r?\n/, '') };
  };
  const decode = (p: { headers: Record<string, string>; body: string }): MailPart => {
    const cte = (p.headers['content-transfer-encoding'] ?? '').toLowerCase();
    const bytes = cte === 'base64' ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64')
      : cte === 'quoted-printable' ? Buffer.from(p.body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1')
        : Buffer.from(p.body, 'utf8');
    return { headers: p.headers, body: bytes.toString('utf8') };
  };
  const top = split(mail.raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? top.body.split(`--${boundary}`).slice(1, -1).map((b) => decode(split(b.replace(/^\r?\n/, ''))))
    : [decode(top)];
  return { headers: top.headers, parts };
}

export const subjectOf = (headers: Record<string, string>) =>
  (headers.subject ?? '').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));

/** The text/plain part of a mail, decoded, with LF line ends. */
export function textOf(mail: ReceivedMail): string {
  const { parts } = partsOf(mail);
  const part = parts.find((p) => (p.headers['content-type'] ?? '').startsWith('text/plain')) ?? parts[0];
  return part.body.replace(/\r\n/g, '\n');
}
