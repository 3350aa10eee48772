import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['notification'];

const copy = ({ t, product }: MailI18n) => ({
  notYou: t('layout.notificationNotYou'),
  footer: t('notification.footer', { product }),
});

/**
 * A notification without a template of its own: its title, one paragraph, and its link. The title,
 * body and action come with the notification (worded when it was created); the frame is localised.
 */
export function NotificationMail({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m);
  return (
    <EmailLayout preview={data.title} heading={data.title} footer={c.footer}>
      <Paragraph>{data.body}</Paragraph>
      <ActionLink href={data.url} label={data.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const notification: MailTemplate<'notification'> = {
  subject: (data) => data.title,
  email: (data, m) => <NotificationMail data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m);
    return plainText(data.body, `${data.action}:\n${data.url}`, c.notYou, `--\n${c.footer}`);
  },
};
