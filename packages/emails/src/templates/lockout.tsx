import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['lockout'];

const copy = (m: MailI18n, until: string) => ({
  heading: m.t('lockout.heading'),
  body: m.t('lockout.body', { product: m.product, until: m.time(until) }),
  reset: m.t('lockout.reset'),
  action: m.t('lockout.action'),
  notYou: m.t('lockout.notYou'),
  footer: m.t('lockout.footer', { product: m.product }),
});

export function Lockout({ data: { name, until, resetUrl }, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, until);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{m.greeting(name)}</Paragraph>
      <Paragraph>{c.body}</Paragraph>
      <Paragraph>{c.reset}</Paragraph>
      <ActionLink href={resetUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const lockout: MailTemplate<'lockout'> = {
  subject: (_data, m) => m.t('lockout.subject', { product: m.product }),
  email: (data, m) => <Lockout data={data} m={m} />,
  text: ({ name, until, resetUrl }, m) => {
    const c = copy(m, until);
    return plainText(m.greeting(name), c.body, `${c.reset}\n${resetUrl}`, c.notYou, `--\n${c.footer}`);
  },
};
