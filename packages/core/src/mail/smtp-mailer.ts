import nodemailer from 'nodemailer';
import type { Mailer } from './types';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS). */
  url: string;
  /** The From header, e.g. `Plinth <no-reply@example.com>`. */
  from: string;
}

// nodemailer waits minutes by default; a stuck server should fail the job and let the queue retry.
const timeoutDefaults = { connectionTimeout: '10000', greetingTimeout: '10000', socketTimeout: '30000' };

/** Sends through an SMTP server. One connection per message: mail jobs run one at a time. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  // Options go in the URL's query because nodemailer ignores other keys when given a URL; any the
  // operator already put there win.
  const url = new URL(options.url);
  for (const [name, value] of Object.entries(timeoutDefaults)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: { ...(message.tag ? { 'X-Plinth-Mail': message.tag } : {}), ...message.headers },
      });
    },
  };
}
