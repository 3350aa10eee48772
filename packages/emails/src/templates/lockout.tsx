import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { formatTime, greeting, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['lockout'];

const copy = {
  heading: 'Your account is locked for now',
  body: (until: string) =>
    `After too many failed sign-in attempts, your ${productName} account is locked until ${formatTime(until)}. You can sign in again after that.`,
  reset: 'If you have forgotten your password, reset it now instead of waiting:',
  action: 'Reset your password',
  notYou:
    "Weren't these attempts yours? Someone may be guessing your password. Your account is safe while it is locked; resetting your password with the link above makes sure it stays that way.",
  footer: `You received this email because your ${productName} account was locked to protect it.`,
};

export function Lockout({ name, until, resetUrl }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>{copy.body(until)}</Paragraph>
      <Paragraph>{copy.reset}</Paragraph>
      <ActionLink href={resetUrl} label={copy.action} />
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const lockout: MailTemplate<'lockout'> = {
  subject: () => `Your ${productName} account is temporarily locked`,
  email: (data) => <Lockout {...data} />,
  text: ({ name, until, resetUrl }) =>
    plainText(
      greeting(name),
      copy.body(until),
      `${copy.reset}\n${resetUrl}`,
      copy.notYou,
      `--\n${copy.footer}`,
    ),
};
