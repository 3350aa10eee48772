import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-subscription-canceled'];

const copy = {
  heading: (data: Data) => `${data.workspaceName} is back on the free plan`,
  body: (data: Data) =>
    `The ${productName} ${data.planName} subscription of ${data.workspaceName} has ended. ` +
    'Nothing was deleted: projects and members over the free limits are kept read-only until you subscribe again.',
  action: 'See plans',
  notYou: (data: Data) =>
    `Didn't ask for this? You received it as an owner of ${data.workspaceName}; if that is a mistake, ask the other owners to remove you.`,
  footer: `You received this email because you own a workspace whose ${productName} subscription ended.`,
};

export function BillingSubscriptionCanceled(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <ActionLink href={data.billingUrl} label={copy.action} />
      <NotYou>{copy.notYou(data)}</NotYou>
    </EmailLayout>
  );
}

export const billingSubscriptionCanceled: MailTemplate<'billing-subscription-canceled'> = {
  subject: (data) => `Your ${data.planName} subscription for ${data.workspaceName} has ended`,
  email: (data) => <BillingSubscriptionCanceled {...data} />,
  text: (data) =>
    plainText(
      copy.body(data),
      `${copy.action}:\n${data.billingUrl}`,
      copy.notYou(data),
      `--\n${copy.footer}`,
    ),
};
