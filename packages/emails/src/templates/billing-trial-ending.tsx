import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { formatDate, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-trial-ending'];

const copy = {
  heading: (data: Data) => `Your ${data.planName} trial ends on ${formatDate(data.trialEndsAt)}`,
  body: (data: Data) =>
    `${data.workspaceName}'s trial of ${productName} ${data.planName} ends on ${formatDate(data.trialEndsAt)}. ` +
    'After that the subscription starts and the card on file is charged, unless you cancel before then.',
  action: 'Review billing',
  notYou: (data: Data) =>
    `Didn't ask for this? You received it as an owner of ${data.workspaceName}; if that is a mistake, ask the other owners to remove you.`,
  footer: `You received this email because you own a workspace on a ${productName} trial.`,
};

export function BillingTrialEnding(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <ActionLink href={data.billingUrl} label={copy.action} />
      <NotYou>{copy.notYou(data)}</NotYou>
    </EmailLayout>
  );
}

export const billingTrialEnding: MailTemplate<'billing-trial-ending'> = {
  subject: (data) => `${data.workspaceName}: your ${data.planName} trial ends soon`,
  email: (data) => <BillingTrialEnding {...data} />,
  text: (data) =>
    plainText(
      copy.body(data),
      `${copy.action}:\n${data.billingUrl}`,
      copy.notYou(data),
      `--\n${copy.footer}`,
    ),
};
