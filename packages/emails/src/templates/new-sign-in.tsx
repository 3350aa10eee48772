import { Column, Row, Section, Text } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { productName, theme } from '../brand';
import { formatTime, greeting, plainText } from '../format';
import { EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['new-sign-in'];

const copy = {
  heading: 'New sign-in to your account',
  body: `There was a new sign-in to your ${productName} account:`,
  ifYou: 'If this was you, there is nothing to do.',
  notYou: `Wasn't you? Someone may know your password. Change it now in your ${productName} account settings, and sign out the sessions you do not recognise.`,
  footer: `You received this email because we tell you about new sign-ins to your ${productName} account.`,
};

function details({ at, ip, userAgent }: Data): [string, string][] {
  return [
    ['When', formatTime(at)],
    ['IP address', ip || 'unknown'],
    ['Device', userAgent || 'unknown'],
  ];
}

const label = { color: theme.muted, fontSize: '13px', margin: 0, padding: '4px 12px 4px 0', width: '96px' };
const value = {
  color: theme.text,
  fontSize: '14px',
  margin: 0,
  padding: '4px 0',
  wordBreak: 'break-word' as const,
};

export function NewSignIn(data: Data) {
  return (
    <EmailLayout preview={copy.heading} heading={copy.heading} footer={copy.footer}>
      <Paragraph>{greeting(data.name)}</Paragraph>
      <Paragraph>{copy.body}</Paragraph>
      <Section style={{ margin: '0 0 16px' }}>
        {details(data).map(([name, detail]) => (
          <Row key={name}>
            <Column style={{ verticalAlign: 'top', width: '96px' }}>
              <Text style={label}>{name}</Text>
            </Column>
            <Column style={{ verticalAlign: 'top' }}>
              <Text style={value}>{detail}</Text>
            </Column>
          </Row>
        ))}
      </Section>
      <Paragraph>{copy.ifYou}</Paragraph>
      <NotYou>{copy.notYou}</NotYou>
    </EmailLayout>
  );
}

export const newSignIn: MailTemplate<'new-sign-in'> = {
  subject: () => `New sign-in to your ${productName} account`,
  email: (data) => <NewSignIn {...data} />,
  text: (data) =>
    plainText(
      greeting(data.name),
      copy.body,
      details(data)
        .map(([name, detail]) => `${name}: ${detail}`)
        .join('\n'),
      copy.ifYou,
      copy.notYou,
      `--\n${copy.footer}`,
    ),
};
