import { z } from 'zod';
import { AppError } from '../errors/index';
import { singleLineText } from '../text/index';
import type { AnyMailRequest } from './types';

export const mailTemplateNames = [
  'verify-email',
  'reset-password',
  'magic-link',
  'new-sign-in',
  'lockout',
  'account-exists',
  'change-email-approval',
  'invitation',
  'billing-payment-failed',
  'billing-payment-action-required',
  'billing-trial-ending',
  'billing-subscription-canceled',
  'webhook-endpoint-disabled',
  'notification',
  'notification-digest',
] as const;

export type MailTemplateName = (typeof mailTemplateNames)[number];

// Text in mail data is composed by Plinth from stored rows and request headers, not typed into a
// form: control characters are stripped (one rule, @plinth/core/text) rather than refused, so a name
// stored before the rules existed, or an odd user agent, cannot stop a sign-in or security mail.
// Names may be empty (a magic-link sign-up has none yet); templates greet without one then.
const personName = singleLineText({ max: 200, strip: true });
const notificationType = singleLineText({ min: 1, max: 100, strip: true });
const notificationParams = z.record(z.string().max(50), singleLineText({ max: 300, strip: true }));
const link = z.url({ protocol: /^https?$/ });
const isoTime = z.iso.datetime({ offset: true });
const workspaceName = singleLineText({ min: 1, max: 200, strip: true });
// Money as Stripe sends it: integer minor units and a lowercase ISO currency.
const amount = z.number().int().min(0);
const currency = z.string().regex(/^[a-z]{3}$/);
const planName = singleLineText({ min: 1, max: 100, strip: true });

/** The data each template needs: the single source of the typed map and of job validation. */
export const mailTemplateData = {
  'verify-email': z.strictObject({ name: personName, url: link }),
  'reset-password': z.strictObject({ name: personName, url: link }),
  'magic-link': z.strictObject({ url: link }),
  'new-sign-in': z.strictObject({
    name: personName,
    ip: singleLineText({ max: 100, strip: true }),
    userAgent: singleLineText({ max: 1000, strip: true }),
    at: isoTime,
  }),
  lockout: z.strictObject({ name: personName, until: isoTime, resetUrl: link }),
  'account-exists': z.strictObject({ name: personName, signInUrl: link, resetUrl: link }),
  'change-email-approval': z.strictObject({
    name: personName,
    newEmail: z.email(),
    url: link,
    secureUrl: link,
  }),
  invitation: z.strictObject({
    workspaceName,
    inviterName: personName,
    role: z.enum(['owner', 'admin', 'member', 'viewer']),
    url: link,
    expiresAt: isoTime,
  }),
  'billing-payment-failed': z.strictObject({
    workspaceName,
    amountDue: amount,
    currency,
    invoiceUrl: link,
    nextAttemptAt: isoTime.nullable(),
  }),
  'billing-payment-action-required': z.strictObject({
    workspaceName,
    amountDue: amount,
    currency,
    invoiceUrl: link,
  }),
  'billing-trial-ending': z.strictObject({ workspaceName, planName, trialEndsAt: isoTime, billingUrl: link }),
  'billing-subscription-canceled': z.strictObject({ workspaceName, planName, billingUrl: link }),
  'webhook-endpoint-disabled': z.strictObject({
    workspaceName,
    endpointUrl: singleLineText({ min: 1, max: 2048, strip: true }),
    webhooksUrl: link,
  }),
  // A notification that has no template of its own (the notification catalog's generic mail).
  notification: z.strictObject({
    title: singleLineText({ min: 1, max: 300, strip: true }),
    body: z.string().max(5000),
    url: link,
    action: singleLineText({ min: 1, max: 100, strip: true }),
    // The notification's type and its words' parts, so the mail is worded in the recipient's
    // language; without them (or for a type the mail catalog lacks) the English above is sent.
    type: notificationType.optional(),
    params: notificationParams.optional(),
  }),
  // One category's notifications of the last day, as one mail (the daily digest).
  'notification-digest': z.strictObject({
    categoryLabel: singleLineText({ min: 1, max: 100, strip: true }),
    category: z.enum(['security', 'billing', 'workspace', 'product']).optional(),
    items: z
      .array(
        z.strictObject({
          title: singleLineText({ min: 1, max: 300, strip: true }),
          url: link,
          type: notificationType.optional(),
          params: notificationParams.optional(),
        }),
      )
      .min(1)
      .max(100),
    more: z.number().int().min(0),
    inboxUrl: link,
  }),
} satisfies Record<MailTemplateName, z.ZodType>;

export type MailTemplateData = { [T in MailTemplateName]: z.output<(typeof mailTemplateData)[T]> };

/**
 * Who may unsubscribe from a mail and from what: the mail.send worker turns it into a signed
 * one-click link (List-Unsubscribe, RFC 8058) and a footer link. Only notification mail of a
 * category a person may turn off carries one.
 */
export const mailUnsubscribeTarget = z.strictObject({
  userId: z.uuid(),
  category: z.string().regex(/^[a-z_]{1,40}$/),
  workspaceId: z.uuid().nullable(),
});

const mailRequestEnvelope = z.strictObject({
  template: z.enum(mailTemplateNames),
  to: z.email(),
  data: z.unknown(),
  unsubscribe: mailUnsubscribeTarget.optional(),
});

/** Checks a mail request (from a caller, or a job read back from the queue); throws AppError. */
export function parseMailRequest(input: unknown): AnyMailRequest {
  const envelope = mailRequestEnvelope.safeParse(input);
  if (!envelope.success) throw AppError.fromZod(envelope.error, 'Invalid mail request');
  const data = mailTemplateData[envelope.data.template].safeParse(envelope.data.data);
  if (!data.success) {
    const error = AppError.fromZod(data.error, `Invalid data for the ${envelope.data.template} mail`);
    const fields = Object.fromEntries(
      Object.entries(error.fields ?? {}).map(([field, message]) => [
        field === '_' ? 'data' : `data.${field}`,
        message,
      ]),
    );
    throw new AppError('invalid_input', error.message, { fields, cause: data.error });
  }
  // The data was checked against the schema of this very template, which TypeScript cannot follow.
  return {
    template: envelope.data.template,
    to: envelope.data.to,
    data: data.data,
    ...(envelope.data.unsubscribe ? { unsubscribe: envelope.data.unsubscribe } : {}),
  } as AnyMailRequest;
}
