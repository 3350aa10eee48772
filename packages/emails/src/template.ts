import type { ReactElement } from 'react';
import type { MailTemplateData, MailTemplateName } from '@plinth/core/mail';
import type { MailI18n } from './i18n';

/**
 * One kind of mail: its subject, its HTML as a React component, and its plain-text part. The two
 * bodies are built from the same copy, so neither says something the other does not. `m` is the
 * recipient's locale: its catalog's words (packages/emails/messages) and its date and money formats.
 */
export interface MailTemplate<T extends MailTemplateName> {
  subject(data: MailTemplateData[T], m: MailI18n): string;
  /** The HTML body as a React element (the template's component with this data). */
  email(data: MailTemplateData[T], m: MailI18n): ReactElement;
  text(data: MailTemplateData[T], m: MailI18n): string;
}
