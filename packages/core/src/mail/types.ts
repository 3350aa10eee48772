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
  /** Further headers (List-Unsubscribe and List-Unsubscribe-Post on notification mail). */
  headers?: Record<string, string>;
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
  options?: {
    unsubscribeUrl?: string;
    /** The recipient's language (@plinth/core/locales); English when absent or unsupported. */
    locale?: string | null;
  },
) => Promise<RenderedMail>;

/** Who may unsubscribe from a mail, and from which category (and workspace, for an override). */
export interface MailUnsubscribeTarget {
  userId: string;
  category: string;
  workspaceId: string | null;
}

/** A message to send later: which template, to whom, with what data. This is the mail.send job. */
export interface MailRequest<T extends MailTemplateName = MailTemplateName> {
  template: T;
  to: string;
  data: MailTemplateData[T];
  /** Notification mail a person may turn off: the worker adds the one-click unsubscribe link. */
  unsubscribe?: MailUnsubscribeTarget;
}

/** Any one of the templates' requests, discriminated by `template`. */
export type AnyMailRequest = { [T in MailTemplateName]: MailRequest<T> }[MailTemplateName];
