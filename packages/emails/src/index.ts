// @plinth/emails: the mail templates as React Email components with plain-text parts, and renderMail,
// the MailRenderer the mail.send worker is wired with. Depends on core's mail types, never the reverse.
export { renderMail, templates } from './render-mail';
export type { MailTemplate } from './template';
