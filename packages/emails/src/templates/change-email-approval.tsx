import { Link } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { greeting, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['change-email-approval'];

// Sent to the address an account has now: the change goes ahead only if this inbox approves it, so
// a stolen session (or a staff impersonation) cannot move the account to another inbox.
const copy = {
  heading: 'Approve your new email address',
  body: (newEmail: string) =>
    `Someone signed in to your ${productName} account asked to change its email address to ${newEmail}. Nothing changes until you approve it here; then we send a confirmation link to the new address.`,
  action: 'Approve the change',
  secure:
    "Wasn't you? Do not approve it. Someone who knows your password is signed in to your account: choose a new password now, which also signs out every device.",
  secureAction: 'Secure your account:',
  footer: `You received this email because an email change was requested for your ${productName} account.`,
};

export function ChangeEmailApproval({ name, newEmail, url, secureUrl }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>{copy.body(newEmail)}</Paragraph>
      <ActionLink href={url} label={copy.action} />
      <NotYou>
        {copy.secure} {copy.secureAction} <Link href={secureUrl}>{secureUrl}</Link>
      </NotYou>
    </EmailLayout>
  );
}

export const changeEmailApproval: MailTemplate<'change-email-approval'> = {
  subject: () => `Approve the new email address for your ${productName} account`,
  email: (data) => <ChangeEmailApproval {...data} />,
  text: ({ name, newEmail, url, secureUrl }) =>
    plainText(
      greeting(name),
      copy.body(newEmail),
      `${copy.action}:\n${url}`,
      `${copy.secure}\n${copy.secureAction}\n${secureUrl}`,
      `--\n${copy.footer}`,
    ),
};
