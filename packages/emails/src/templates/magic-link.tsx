import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['magic-link'];

const copy = {
  heading: `Sign in to ${productName}`,
  body: `Use the link below to sign in to ${productName}. It works once and expires after a few minutes.`,
  action: `Sign in to ${productName}`,
  notYou:
    "Didn't ask for this? Ignore this email: no one can sign in with it unless they have this link, so do not forward it.",
  footer: `You received this email because someone asked for a sign-in link for this address on ${productName}.`,
};

export function MagicLink({ url }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{copy.body}</Paragraph>
      <ActionLink href={url} label={copy.action} />
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const magicLink: MailTemplate<'magic-link'> = {
  subject: () => `Your ${productName} sign-in link`,
  email: (data) => <MagicLink {...data} />,
  text: ({ url }) => plainText(copy.body, `${copy.action}:\n${url}`, copy.notYou, `--\n${copy.footer}`),
};
