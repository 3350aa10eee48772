import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-payment-failed'];

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('billingPaymentFailed.heading', { workspace: data.workspaceName }),
  body: m.t('billingPaymentFailed.body', {
    amount: m.money(data.amountDue, data.currency),
    workspace: data.workspaceName,
    product: m.product,
  }),
  retry: data.nextAttemptAt
    ? m.t('billingPaymentFailed.retry', { at: m.time(data.nextAttemptAt) })
    : m.t('billingPaymentFailed.noRetry'),
  action: m.t('billingPaymentFailed.action'),
  notYou: m.t('layout.ownerNotYou', { workspace: data.workspaceName }),
  footer: m.t('billingPaymentFailed.footer', { product: m.product }),
});

export function BillingPaymentFailed({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <Paragraph>{c.retry}</Paragraph>
      <ActionLink href={data.invoiceUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const billingPaymentFailed: MailTemplate<'billing-payment-failed'> = {
  subject: (data, m) => m.t('billingPaymentFailed.subject', { workspace: data.workspaceName }),
  email: (data, m) => <BillingPaymentFailed data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, c.retry, `${c.action}:\n${data.invoiceUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
