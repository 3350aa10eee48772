import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { greeting, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['reset-password'];

const copy = {
  heading: 'Reset your password',
  body: `Someone asked to reset the password of your ${productName} account. Choose a new one with the link below; it works once and expires after a short time.`,
  action: 'Choose a new password',
  notYou:
    "Didn't ask for this? Ignore this email: your password stays as it is, and no one can change it without this link.",
  footer: `You received this email because a password reset was requested for your ${productName} account.`,
};

export function ResetPassword({ name, url }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>{copy.body}</Paragraph>
      <ActionLink href={url} label={copy.action} />
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const resetPassword: MailTemplate<'reset-password'> = {
  subject: () => `Reset your ${productName} password`,
  email: (data) => <ResetPassword {...data} />,
  text: ({ name, url }) =>
    plainText(greeting(name), copy.body, `${copy.action}:\n${url}`, copy.notYou, `--\n${copy.footer}`),
};
