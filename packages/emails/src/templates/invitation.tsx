import type { MailTemplateData } from '@plinth/core/mail';
import { productName } from '../brand';
import { plainText } from '../format';
import { ActionLink, EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['invitation'];

const article = (role: string) => (role === 'admin' || role === 'owner' ? 'an' : 'a');

const copy = {
  heading: (data: Data) => `Join ${data.workspaceName} on ${productName}`,
  body: (data: Data) =>
    `${data.inviterName || 'A teammate'} invited you to join ${data.workspaceName} as ${article(data.role)} ${data.role}. ` +
    `The invitation works once and expires on ${new Date(data.expiresAt).toUTCString()}.`,
  action: 'Accept the invitation',
  notYou: "Didn't ask for this? Ignore this email: nothing happens unless you accept.",
  footer: `You received this email because someone invited this address to a workspace on ${productName}.`,
};

export function Invitation(data: Data) {
  return (
    <EmailLayout preview={copy.heading(data)} heading={copy.heading(data)} footer={copy.footer}>
      <Paragraph>{copy.body(data)}</Paragraph>
      <ActionLink href={data.url} label={copy.action} />
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const invitation: MailTemplate<'invitation'> = {
  subject: (data) => `${data.inviterName || 'A teammate'} invited you to ${data.workspaceName}`,
  email: (data) => <Invitation {...data} />,
  text: (data) =>
    plainText(copy.body(data), `${copy.action}:\n${data.url}`, copy.notYou, `--\n${copy.footer}`),
};
