import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

const notYou =
  "Didn't ask for this? You get it because of your notification settings: change them under Account → Notifications.";

type Data = MailTemplateData['notification'];

const footer = `You received this email because of your notification settings on ${productName}.`;

/** A notification without a template of its own: its title, one paragraph, and its link. */
export function NotificationMail(data: Data) {
  return (
    <EmailLayout preview={data.title} heading={data.title} footer={footer}>
      <Paragraph>{data.body}</Paragraph>
      <ActionLink href={data.url} label={data.action} />
      <NotYou>{notYou}</NotYou>
    </EmailLayout>
  );
}

export const notification: MailTemplate<'notification'> = {
  subject: (data) => data.title,
  email: (data) => <NotificationMail {...data} />,
  text: (data) => plainText(data.body, `${data.action}:\n${data.url}`, notYou, `--\n${footer}`),
};
