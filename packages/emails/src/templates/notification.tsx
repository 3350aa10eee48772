import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { notificationMailWords } from '../notification-words';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['notification'];

const copy = (m: MailI18n, data: Data) => ({
  // Worded from the notification's type in the recipient's language; the English that came with
  // it for a type the mail catalogs do not know.
  ...(notificationMailWords(m, data.type, data.params) ?? {
    title: data.title,
    body: data.body,
    action: data.action,
  }),
  notYou: m.t('layout.notificationNotYou'),
  footer: m.t('notification.footer', { product: m.product }),
});

/** A notification without a template of its own: its title, one paragraph, and its link. */
export function NotificationMail({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.title} heading={c.title} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.url} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const notification: MailTemplate<'notification'> = {
  subject: (data, m) => copy(m, data).title,
  email: (data, m) => <NotificationMail data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.url}`, c.notYou, `--\n${c.footer}`);
  },
};
