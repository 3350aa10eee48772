import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-subscription-canceled'];

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('billingSubscriptionCanceled.heading', { workspace: data.workspaceName }),
  body: m.t('billingSubscriptionCanceled.body', {
    product: m.product,
    plan: data.planName,
    workspace: data.workspaceName,
  }),
  action: m.t('billingSubscriptionCanceled.action'),
  notYou: m.t('layout.ownerNotYou', { workspace: data.workspaceName }),
  footer: m.t('billingSubscriptionCanceled.footer', { product: m.product }),
});

export function BillingSubscriptionCanceled({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.billingUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const billingSubscriptionCanceled: MailTemplate<'billing-subscription-canceled'> = {
  subject: (data, m) =>
    m.t('billingSubscriptionCanceled.subject', { plan: data.planName, workspace: data.workspaceName }),
  email: (data, m) => <BillingSubscriptionCanceled data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.billingUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
