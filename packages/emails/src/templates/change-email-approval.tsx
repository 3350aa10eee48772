import { Link } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['change-email-approval'];

// Sent to the address an account has now: the change goes ahead only if this inbox approves it, so
// a stolen session (or a staff impersonation) cannot move the account to another inbox.
const copy = ({ t, product }: MailI18n, newEmail: string) => ({
  heading: t('changeEmailApproval.heading'),
  body: t('changeEmailApproval.body', { product, newEmail }),
  action: t('changeEmailApproval.action'),
  secure: t('changeEmailApproval.secure'),
  secureAction: t('changeEmailApproval.secureAction'),
  footer: t('changeEmailApproval.footer', { product }),
});

export function ChangeEmailApproval({
  data: { name, newEmail, url, secureUrl },
  m,
}: {
  data: Data;
  m: MailI18n;
}) {
  const c = copy(m, newEmail);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{m.greeting(name)}</Paragraph>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={url} label={c.action} />
      <NotYou>
        {c.secure} {c.secureAction} <Link href={secureUrl}>{secureUrl}</Link>
      </NotYou>
    </EmailLayout>
  );
}

export const changeEmailApproval: MailTemplate<'change-email-approval'> = {
  subject: (_data, m) => m.t('changeEmailApproval.subject', { product: m.product }),
  email: (data, m) => <ChangeEmailApproval data={data} m={m} />,
  text: ({ name, newEmail, url, secureUrl }, m) => {
    const c = copy(m, newEmail);
    return plainText(
      m.greeting(name),
      c.body,
      `${c.action}:\n${url}`,
      `${c.secure}\n${c.secureAction}\n${secureUrl}`,
      `--\n${c.footer}`,
    );
  },
};
