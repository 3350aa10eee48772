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
  // The layout reads the link from context, so every template gets the footer without knowing of it.
  const html = await render(
    unsubscribeUrl ? (
      <UnsubscribeLink.Provider value={unsubscribeUrl}>{template.email(data)}</UnsubscribeLink.Provider>
    ) : (
      template.email(data)
    ),
  );
  const text = template.text(data);
  return {
    subject: template.subject(data),
    html,
    text: unsubscribeUrl ? `${text}${plainText(`Unsubscribe from these emails:\n${unsubscribeUrl}`)}` : text,
  };
};
