import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-payment-action-required'];

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('billingPaymentActionRequired.heading', { workspace: data.workspaceName }),
  body: m.t('billingPaymentActionRequired.body', {
    amount: m.money(data.amountDue, data.currency),
    workspace: data.workspaceName,
    product: m.product,
  }),
  action: m.t('billingPaymentActionRequired.action'),
  notYou: m.t('layout.ownerNotYou', { workspace: data.workspaceName }),
  footer: m.t('billingPaymentActionRequired.footer', { product: m.product }),
});

export function BillingPaymentActionRequired({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.invoiceUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const billingPaymentActionRequired: MailTemplate<'billing-payment-action-required'> = {
  subject: (data, m) => m.t('billingPaymentActionRequired.subject', { workspace: data.workspaceName }),
  email: (data, m) => <BillingPaymentActionRequired data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.invoiceUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
