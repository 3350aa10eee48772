import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['verify-email'];

const copy = ({ t, product }: MailI18n) => ({
  heading: t('verifyEmail.heading'),
  body: t('verifyEmail.body', { product }),
  action: t('verifyEmail.action'),
  notYou: t('verifyEmail.notYou', { product }),
  footer: t('verifyEmail.footer', { product }),
});

export function VerifyEmail({ data: { name, url }, m }: { data: Data; m: MailI18n }) {
  const c = copy(m);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{m.greeting(name)}</Paragraph>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={url} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const verifyEmail: MailTemplate<'verify-email'> = {
  subject: (_data, m) => m.t('verifyEmail.subject', { product: m.product }),
  email: (data, m) => <VerifyEmail data={data} m={m} />,
  text: ({ name, url }, m) => {
    const c = copy(m);
    return plainText(m.greeting(name), c.body, `${c.action}:\n${url}`, c.notYou, `--\n${c.footer}`);
  },
};
