import type { MailTemplateData, MailTemplateName } from './schemas';

export type { MailTemplateData, MailTemplateName };

/** One rendered message to one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** What kind of mail this is (the template name); kept with captured mail, sent as a header. */
  tag?: string;
}

/** Where mail goes: SMTP in production, the captured outbox in development and tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Turns a template and its data into a message; @plinth/emails provides the one the app uses. */
export type MailRenderer = <T extends MailTemplateName>(
  name: T,
  data: MailTemplateData[T],
) => Promise<RenderedMail>;

/** A message to send later: which template, to whom, with what data. This is the mail.send job. */
export interface MailRequest<T extends MailTemplateName = MailTemplateName> {
  template: T;
  to: string;
  data: MailTemplateData[T];
}

/** Any one of the templates' requests, discriminated by `template`. */
export type AnyMailRequest = { [T in MailTemplateName]: MailRequest<T> }[MailTemplateName];
