import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { greeting, plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['verify-email'];

const copy = {
  heading: 'Confirm your email address',
  body: `Confirm this address to finish setting up your ${productName} account. The link expires after a short time.`,
  action: 'Confirm email address',
  notYou: `Didn't ask for this? If you did not sign up for ${productName}, ignore this email: without this link, nothing is confirmed.`,
  footer: `You received this email because this address was used to sign up for ${productName}.`,
};

export function VerifyEmail({ name, url }: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>{copy.body}</Paragraph>
      <ActionLink href={url} label={copy.action} />
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const verifyEmail: MailTemplate<'verify-email'> = {
  subject: () => `Confirm your email address for ${productName}`,
  email: (data) => <VerifyEmail {...data} />,
  text: ({ name, url }) =>
    plainText(greeting(name), copy.body, `${copy.action}:\n${url}`, copy.notYou, `--\n${copy.footer}`),
};
