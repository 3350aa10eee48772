import { Link } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { greeting, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['account-exists'];

// Sent instead of a verification link when someone signs up with an address that already has an
// account: the sign-up page answers the same either way, so only the inbox's owner learns which.
const copy = {
  heading: 'You already have an account',
  body: `Someone just tried to create a ${productName} account with this email address. You already have one, so nothing was created and your account is unchanged.`,
  signIn: 'If it was you, sign in instead:',
  signInAction: 'Sign in',
  reset: 'Forgotten your password? Choose a new one:',
  notYou: "Wasn't you? Ignore this email: nobody can use your account without your password or this inbox.",
  footer: `You received this email because a ${productName} sign-up was attempted with this address.`,
};

export function AccountExists({ name, signInUrl, resetUrl }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>{copy.body}</Paragraph>
      <Paragraph>{copy.signIn}</Paragraph>
      <ActionLink href={signInUrl} label={copy.signInAction} />
      <Paragraph>
        {copy.reset} <Link href={resetUrl}>{resetUrl}</Link>
      </Paragraph>
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const accountExists: MailTemplate<'account-exists'> = {
  subject: () => `You already have a ${productName} account`,
  email: (data) => <AccountExists {...data} />,
  text: ({ name, signInUrl, resetUrl }) =>
    plainText(
      greeting(name),
      copy.body,
      `${copy.signIn}\n${signInUrl}`,
      `${copy.reset}\n${resetUrl}`,
      copy.notYou,
      `--\n${copy.footer}`,
    ),
};
