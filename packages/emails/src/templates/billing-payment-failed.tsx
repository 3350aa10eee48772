import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { formatMoney, formatTime, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-payment-failed'];

const copy = {
  heading: (data: Data) => `Payment failed for ${data.workspaceName}`,
  body: (data: Data) =>
    `We could not collect ${formatMoney(data.amountDue, data.currency)} for ${data.workspaceName}'s ${productName} subscription. ` +
    'Your plan stays active for now; pay the invoice or update the card to keep it.',
  retry: (data: Data) =>
    data.nextAttemptAt
      ? `We will try the card again on ${formatTime(data.nextAttemptAt)}.`
      : 'We will not retry automatically: please pay the invoice yourself.',
  action: 'Pay the invoice',
  notYou: (data: Data) =>
    `Didn't ask for this? You received it as an owner of ${data.workspaceName}; if that is a mistake, ask the other owners to remove you.`,
  footer: `You received this email because you own a workspace with a ${productName} subscription.`,
};

export function BillingPaymentFailed(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <Paragraph>{copy.retry(data)}</Paragraph>
      <ActionLink href={data.invoiceUrl} label={copy.action} />
      <NotYou>{copy.notYou(data)}</NotYou>
    </EmailLayout>
  );
}

export const billingPaymentFailed: MailTemplate<'billing-payment-failed'> = {
  subject: (data) => `Action needed: payment failed for ${data.workspaceName}`,
  email: (data) => <BillingPaymentFailed {...data} />,
  text: (data) =>
    plainText(
      copy.body(data),
      copy.retry(data),
      `${copy.action}:\n${data.invoiceUrl}`,
      copy.notYou(data),
      `--\n${copy.footer}`,
    ),
};
