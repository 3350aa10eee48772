import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './index';

interface Received {
  auth?: string;
  from?: string;
  to: string[];
  data?: string;
}

/**
 * A tiny SMTP server (RFC 5321's happy path, AUTH PLAIN, no TLS): enough to see exactly what the
 * mailer puts on the wire. `rejectRecipients` answers RCPT TO with a permanent failure.
 */
async function startSmtpServer(options: { rejectRecipients?: boolean } = {}) {
  const received: Received[] = [];
  const server: Server = createServer((socket: Socket) => {
    const current: Received = { to: [] };
    let buffer = '';
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 stub.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push({ ...current });
          reply('250 2.0.0 queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          reply('250-stub.test');
          reply('250-AUTH PLAIN');
          reply('250 8BITMIME');
        } else if (verb === 'AUTH') {
          current.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          reply('235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          current.from = line;
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (options.rejectRecipients) reply('550 5.1.1 no such mailbox');
          else {
            current.to.push(line);
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 go ahead');
        } else if (verb === 'RSET') {
          reply('250 ok');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else {
          reply('502 5.5.2 not implemented');
        }
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, received };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the SMTP mailer', () => {
  it('signs in with the credentials in SMTP_URL and sends both parts from MAIL_FROM', async () => {
    const smtp = await startSmtpServer();
    const mailer = createSmtpMailer({
      url: `smtp://mailer:p%40ss@127.0.0.1:${smtp.port}`,
      from: 'Plinth <no-reply@plinth.test>',
    });
    await mailer.send({
      to: 'olivia.owner@acme.test',
      subject: 'Confirm your email address',
      html: '<p>Confirm <a href="http://localhost/verify?token=t">here</a></p>',
      text: 'Confirm: http://localhost/verify?token=t',
      tag: 'verify-email',
    });

    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.auth).toBe('\u0000mailer\u0000p@ss');
    expect(message!.from).toContain('<no-reply@plinth.test>');
    expect(message!.to).toEqual([expect.stringContaining('<olivia.owner@acme.test>')]);
    const data = message!.data!;
    expect(data).toMatch(/^From: Plinth <no-reply@plinth\.test>$/m);
    expect(data).toMatch(/^To: olivia\.owner@acme\.test$/m);
    expect(data).toMatch(/^Subject: Confirm your email address$/m);
    expect(data).toMatch(/^X-Plinth-Mail: verify-email$/m);
    expect(data).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(data).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(data).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
  });

  it('fails the send when the server refuses it, so the job is retried', async () => {
    const smtp = await startSmtpServer({ rejectRecipients: true });
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${smtp.port}`,
      from: 'Plinth <no-reply@plinth.test>',
    });
    await expect(
      mailer.send({ to: 'gone@example.test', subject: 's', html: '<p>h</p>', text: 't' }),
    ).rejects.toThrow(/550/);
    expect(smtp.received).toEqual([]);
  });

  it('fails instead of hanging when the server never answers', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push(silent);
    const port = (silent.address() as AddressInfo).port;
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${port}?greetingTimeout=300`,
      from: 'Plinth <no-reply@plinth.test>',
    });
    await expect(mailer.send({ to: 'a@example.test', subject: 's', html: 'h', text: 't' })).rejects.toThrow(
      /greeting/i,
    );
  });
});
