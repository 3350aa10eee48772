import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['webhook-endpoint-disabled'];

const copy = {
  heading: (data: Data) => `A webhook endpoint of ${data.workspaceName} was disabled`,
  body: (data: Data) =>
    `${productName} has been unable to deliver events to ${data.endpointUrl} for five days, so it has stopped sending to it. ` +
    'Events since then were not lost: fix the receiver, enable the endpoint again, and retry the failed deliveries from the log.',
  action: 'Open webhooks',
  notYou: (data: Data) =>
    `Didn't ask for this? You received it as an owner of ${data.workspaceName}; if that is a mistake, ask the other owners to remove you.`,
  footer: `You received this email because you own a ${productName} workspace with webhook endpoints.`,
};

export function WebhookEndpointDisabled(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <ActionLink href={data.webhooksUrl} label={copy.action} />
      <NotYou>{copy.notYou(data)}</NotYou>
    </EmailLayout>
  );
}

export const webhookEndpointDisabled: MailTemplate<'webhook-endpoint-disabled'> = {
  subject: (data) => `A webhook endpoint of ${data.workspaceName} was disabled`,
  email: (data) => <WebhookEndpointDisabled {...data} />,
  text: (data) =>
    plainText(
      copy.body(data),
      `${copy.action}:\n${data.webhooksUrl}`,
      copy.notYou(data),
      `--\n${copy.footer}`,
    ),
};
