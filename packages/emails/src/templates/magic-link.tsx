import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['magic-link'];

const copy = ({ t, product }: MailI18n) => ({
  heading: t('magicLink.heading', { product }),
  body: t('magicLink.body', { product }),
  action: t('magicLink.action', { product }),
  notYou: t('magicLink.notYou'),
  footer: t('magicLink.footer', { product }),
});

export function MagicLink({ data: { url }, m }: { data: Data; m: MailI18n }) {
  const c = copy(m);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={url} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const magicLink: MailTemplate<'magic-link'> = {
  subject: (_data, m) => m.t('magicLink.subject', { product: m.product }),
  email: (data, m) => <MagicLink data={data} m={m} />,
  text: ({ url }, m) => {
    const c = copy(m);
    return plainText(c.body, `${c.action}:\n${url}`, c.notYou, `--\n${c.footer}`);
  },
};
