import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { formatMoney, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-payment-action-required'];

const copy = {
  heading: (data: Data) => `Confirm the payment for ${data.workspaceName}`,
  body: (data: Data) =>
    `Your bank asks you to confirm the payment of ${formatMoney(data.amountDue, data.currency)} for ${data.workspaceName}'s ${productName} subscription. ` +
    'Until you do, the invoice stays open.',
  action: 'Confirm the payment',
  notYou: (data: Data) =>
    `Didn't ask for this? You received it as an owner of ${data.workspaceName}; if that is a mistake, ask the other owners to remove you.`,
  footer: `You received this email because you own a workspace with a ${productName} subscription.`,
};

export function BillingPaymentActionRequired(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <ActionLink href={data.invoiceUrl} label={copy.action} />
      <NotYou>{copy.notYou(data)}</NotYou>
    </EmailLayout>
  );
}

export const billingPaymentActionRequired: MailTemplate<'billing-payment-action-required'> = {
  subject: (data) => `Confirm your payment for ${data.workspaceName}`,
  email: (data) => <BillingPaymentActionRequired {...data} />,
  text: (data) =>
    plainText(
      copy.body(data),
      `${copy.action}:\n${data.invoiceUrl}`,
      copy.notYou(data),
      `--\n${copy.footer}`,
    ),
};
