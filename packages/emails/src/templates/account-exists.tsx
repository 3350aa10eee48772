import { Link } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['account-exists'];

// Sent instead of a verification link when someone signs up with an address that already has an
// account: the sign-up page answers the same either way, so only the inbox's owner learns which.
const copy = ({ t, product }: MailI18n) => ({
  heading: t('accountExists.heading'),
  body: t('accountExists.body', { product }),
  signIn: t('accountExists.signIn'),
  signInAction: t('accountExists.signInAction'),
  reset: t('accountExists.reset'),
  notYou: t('accountExists.notYou'),
  footer: t('accountExists.footer', { product }),
});

export function AccountExists({ data: { name, signInUrl, resetUrl }, m }: { data: Data; m: MailI18n }) {
  const c = copy(m);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{m.greeting(name)}</Paragraph>
      <Paragraph>{c.body}</Paragraph>
      <Paragraph>{c.signIn}</Paragraph>
      <ActionLink href={signInUrl} label={c.signInAction} />
      <Paragraph>
        {c.reset} <Link href={resetUrl}>{resetUrl}</Link>
      </Paragraph>
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const accountExists: MailTemplate<'account-exists'> = {
  subject: (_data, m) => m.t('accountExists.subject', { product: m.product }),
  email: (data, m) => <AccountExists data={data} m={m} />,
  text: ({ name, signInUrl, resetUrl }, m) => {
    const c = copy(m);
    return plainText(
      m.greeting(name),
      c.body,
      `${c.signIn}\n${signInUrl}`,
      `${c.reset}\n${resetUrl}`,
      c.notYou,
      `--\n${c.footer}`,
    );
  },
};
