import type { ReactElement } from 'react';
import type { MailTemplateData, MailTemplateName } from '@plinth/core/mail';

/**
 * One kind of mail: its subject, its HTML as a React component, and its plain-text part. The two
 * bodies are built from the same copy, so neither says something the other does not.
 */
export interface MailTemplate<T extends MailTemplateName> {
  subject(data: MailTemplateData[T]): string;
  /** The HTML body as a React element (the template's component with this data). */
  email(data: MailTemplateData[T]): ReactElement;
  text(data: MailTemplateData[T]): string;
}
