import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['webhook-endpoint-disabled'];

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('webhookEndpointDisabled.heading', { workspace: data.workspaceName }),
  body: m.t('webhookEndpointDisabled.body', { product: m.product, url: data.endpointUrl }),
  action: m.t('webhookEndpointDisabled.action'),
  notYou: m.t('layout.ownerNotYou', { workspace: data.workspaceName }),
  footer: m.t('webhookEndpointDisabled.footer', { product: m.product }),
});

export function WebhookEndpointDisabled({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.webhooksUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const webhookEndpointDisabled: MailTemplate<'webhook-endpoint-disabled'> = {
  subject: (data, m) => m.t('webhookEndpointDisabled.subject', { workspace: data.workspaceName }),
  email: (data, m) => <WebhookEndpointDisabled data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.webhooksUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
