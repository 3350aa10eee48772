import { Link, Text } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { notificationTitle } from '../notification-words';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['notification-digest'];

const copy = (m: MailI18n, data: Data) => {
  const intro = m.t('notificationDigest.intro', { count: data.items.length + data.more });
  const category = data.category
    ? m.t(`notificationDigest.categories.${data.category}`)
    : data.categoryLabel.toLowerCase();
  return {
    heading: m.t('notificationDigest.heading', { category }),
    // Each line worded from its notification's type, else the English that came with it.
    items: data.items.map((item) => ({
      url: item.url,
      title: notificationTitle(m, item.type, item.params) ?? item.title,
    })),
    intro,
    subject: m.t('notificationDigest.subject', { product: m.product, intro }),
    more: data.more > 0 ? m.t('notificationDigest.more', { count: data.more }) : undefined,
    action: m.t('notificationDigest.action'),
    notYou: m.t('layout.notificationNotYou'),
    footer: m.t('notificationDigest.footer', { product: m.product }),
  };
};

/** One category's notifications since the last summary, as a list of links. */
export function NotificationDigest({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.intro} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.intro}</Paragraph>
      {c.items.map((item, index) => (
        <Text key={index} style={{ margin: '0 0 8px' }}>
          <Link href={item.url}>{item.title}</Link>
        </Text>
      ))}
      {c.more ? <Paragraph>{c.more}</Paragraph> : null}
      <ActionLink href={data.inboxUrl} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const notificationDigest: MailTemplate<'notification-digest'> = {
  subject: (data, m) => copy(m, data).subject,
  email: (data, m) => <NotificationDigest data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(
      c.intro,
      c.items.map((item) => `- ${item.title}\n  ${item.url}`).join('\n'),
      c.more,
      `${c.action}:\n${data.inboxUrl}`,
      c.notYou,
      `--\n${c.footer}`,
    );
  },
};
