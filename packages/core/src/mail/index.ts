// Mail: the Mailer interface (SMTP, or the captured outbox in development), the templates' typed
// data, and the mail.send queue through which every message leaves, rendered by an injected renderer.
export type {
  AnyMailRequest,
  MailMessage,
  Mailer,
  MailRenderer,
  MailRequest,
  MailTemplateData,
  MailTemplateName,
  MailUnsubscribeTarget,
  RenderedMail,
} from './types';
export { mailTemplateData, mailTemplateNames, mailUnsubscribeTarget, parseMailRequest } from './schemas';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp-mailer';
export {
  CAPTURED_MAIL_MAX_LIMIT,
  clearCapturedMail,
  createCaptureMailer,
  listCapturedMail,
  type CapturedMail,
} from './capture-mailer';
export {
  describeMailJob,
  mailQueue,
  maskEmail,
  queueMail,
  sendMailJob,
  type SendMailJobDeps,
} from './mail-queue';
