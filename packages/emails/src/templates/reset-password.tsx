import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['reset-password'];

const copy = ({ t, product }: MailI18n) => ({
  heading: t('resetPassword.heading'),
  body: t('resetPassword.body', { product }),
  action: t('resetPassword.action'),
  notYou: t('resetPassword.notYou'),
  footer: t('resetPassword.footer', { product }),
});

export function ResetPassword({ data: { name, url }, m }: { data: Data; m: MailI18n }) {
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

export const resetPassword: MailTemplate<'reset-password'> = {
  subject: (_data, m) => m.t('resetPassword.subject', { product: m.product }),
  email: (data, m) => <ResetPassword data={data} m={m} />,
  text: ({ name, url }, m) => {
    const c = copy(m);
    return plainText(m.greeting(name), c.body, `${c.action}:\n${url}`, c.notYou, `--\n${c.footer}`);
  },
};
