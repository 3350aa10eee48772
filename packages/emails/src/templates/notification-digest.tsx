import { Link, Text } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

const notYou =
  "Didn't ask for this? You get it because of your notification settings: change them under Account → Notifications.";

type Data = MailTemplateData['notification-digest'];

const copy = {
  heading: (data: Data) => `Your ${data.categoryLabel.toLowerCase()} notifications`,
  intro: (data: Data) =>
    `Since the last summary: ${data.items.length + data.more} notification${data.items.length + data.more === 1 ? '' : 's'}.`,
  more: (data: Data) => (data.more > 0 ? `…and ${data.more} more in your inbox.` : undefined),
  footer: `You received this daily summary because of your notification settings on ${productName}.`,
};

/** One category's notifications since the last summary, as a list of links. */
export function NotificationDigest(data: Data) {
  const more = copy.more(data);
  return (
    <EmailLayout preview={copy.intro(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.intro(data)}</Paragraph>
      {data.items.map((item, index) => (
        <Text key={index} style={{ margin: '0 0 8px' }}>
          <Link href={item.url}>{item.title}</Link>
        </Text>
      ))}
      {more ? <Paragraph>{more}</Paragraph> : null}
      <ActionLink href={data.inboxUrl} label="Open your notifications" />
      <NotYou>{notYou}</NotYou>
    </EmailLayout>
  );
}

export const notificationDigest: MailTemplate<'notification-digest'> = {
  subject: (data) => `${productName}: ${copy.intro(data)}`,
  email: (data) => <NotificationDigest {...data} />,
  text: (data) =>
    plainText(
      copy.intro(data),
      data.items.map((item) => `- ${item.title}\n  ${item.url}`).join('\n'),
      copy.more(data),
      `Open your notifications:\n${data.inboxUrl}`,
      notYou,
      `--\n${copy.footer}`,
    ),
};
