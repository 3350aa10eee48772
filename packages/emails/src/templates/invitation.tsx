import type { MailTemplateData } from '@plinth/core/mail';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['invitation'];

const inviter = (m: MailI18n, data: Data) => data.inviterName || m.t('invitation.teammate');

const copy = (m: MailI18n, data: Data) => ({
  heading: m.t('invitation.heading', { workspace: data.workspaceName, product: m.product }),
  body: m.t('invitation.body', {
    inviter: inviter(m, data),
    workspace: data.workspaceName,
    role: data.role,
    expires: m.time(data.expiresAt),
  }),
  action: m.t('invitation.action'),
  notYou: m.t('invitation.notYou'),
  footer: m.t('invitation.footer', { product: m.product }),
});

export function Invitation({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m, data);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{c.body}</Paragraph>
      <ActionLink href={data.url} label={c.action} />
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const invitation: MailTemplate<'invitation'> = {
  subject: (data, m) =>
    m.t('invitation.subject', { inviter: inviter(m, data), workspace: data.workspaceName }),
  email: (data, m) => <Invitation data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m, data);
    return plainText(c.body, `${c.action}:\n${data.url}`, c.notYou, `--\n${c.footer}`);
  },
};
