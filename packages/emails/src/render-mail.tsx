import { render } from '@react-email/render';
import { AppError } from '@plinth/core/errors';
import { mailTemplateData, type MailRenderer, type MailTemplateName } from '@plinth/core/mail';
import type { MailTemplate } from './template';
import { billingPaymentActionRequired } from './templates/billing-payment-action-required';
import { billingPaymentFailed } from './templates/billing-payment-failed';
import { billingSubscriptionCanceled } from './templates/billing-subscription-canceled';
import { billingTrialEnding } from './templates/billing-trial-ending';
import { accountExists } from './templates/account-exists';
import { changeEmailApproval } from './templates/change-email-approval';
import { invitation } from './templates/invitation';
import { lockout } from './templates/lockout';
import { magicLink } from './templates/magic-link';
import { newSignIn } from './templates/new-sign-in';
import { resetPassword } from './templates/reset-password';
import { verifyEmail } from './templates/verify-email';
import { webhookEndpointDisabled } from './templates/webhook-endpoint-disabled';
import { notification } from './templates/notification';
import { notificationDigest } from './templates/notification-digest';
import { UnsubscribeLink } from './layout';
import { plainText } from './format';
import { MailLocale, mailI18n } from './i18n';

/** Every template, by name; the type makes a missing one a compile error. */
export const templates: { [T in MailTemplateName]: MailTemplate<T> } = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'magic-link': magicLink,
  'new-sign-in': newSignIn,
  lockout,
  'account-exists': accountExists,
  'change-email-approval': changeEmailApproval,
  invitation,
  'billing-payment-failed': billingPaymentFailed,
  'billing-payment-action-required': billingPaymentActionRequired,
  'billing-trial-ending': billingTrialEnding,
  'billing-subscription-canceled': billingSubscriptionCanceled,
  'webhook-endpoint-disabled': webhookEndpointDisabled,
  notification,
  'notification-digest': notificationDigest,
};

/**
 * The renderer the app injects into the mail.send worker: subject, HTML (React Email) and the
 * plain-text part. Checks the data first, so a message never goes out saying "undefined".
 */
export const renderMail: MailRenderer = async (name, data, options = {}) => {
  const checked = mailTemplateData[name].safeParse(data);
  if (!checked.success) throw AppError.fromZod(checked.error, `Invalid data for the ${name} mail`);
  const template = templates[name];
  const unsubscribeUrl = options.unsubscribeUrl;
  // The recipient's language (English when unknown); the layout reads it, and the unsubscribe
  // link, from context, so every template gets them without knowing of them.
  const m = mailI18n(options.locale);
  const body = template.email(data, m);
  const html = await render(
    <MailLocale.Provider value={m}>
      {unsubscribeUrl ? (
        <UnsubscribeLink.Provider value={unsubscribeUrl}>{body}</UnsubscribeLink.Provider>
      ) : (
        body
      )}
    </MailLocale.Provider>,
  );
  const text = template.text(data, m);
  return {
    subject: template.subject(data, m),
    html,
    text: unsubscribeUrl
      ? `${text}${plainText(m.t('layout.unsubscribeText', { url: unsubscribeUrl }))}`
      : text,
  };
};
