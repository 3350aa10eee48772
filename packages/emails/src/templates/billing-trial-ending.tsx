import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['billing-trial-ending'];

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('billingTrialEnding.heading', { plan: data.planName, date: m.date(data.trialEndsAt) }),
  body: m.t('billingTrialEnding.body', {
    workspace: data.workspaceName,
    product: m.product,
    plan: data.planName,
    date: m.date(data.trialEndsAt),
  }),
  action: m.t('billingTrialEnding.action'),
  notYou: m.t('layout.ownerNotYou', { workspace: data.workspaceName }),
  footer: m.t('billingTrialEnding.footer', { product: m.product }),
});

export function BillingTrialEnding({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.billingUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const billingTrialEnding: MailTemplate<'billing-trial-ending'> = {
  subject: (data, m) =>
    m.t('billingTrialEnding.subject', { workspace: data.workspaceName, plan: data.planName }),
  email: (data, m) => <BillingTrialEnding data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.billingUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
