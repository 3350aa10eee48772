import { Column, Row, Section, Text } from '@react-email/components';
import type { MailTemplateData } from '@plinth/core/mail';
import { theme } from '../brand';
import { plainText } from '../format';
import type { MailI18n } from '../i18n';
import { EmailLayout, NotYou, Paragraph } from '../layout';
import type { MailTemplate } from '../template';

type Data = MailTemplateData['new-sign-in'];

const copy = ({ t, product }: MailI18n) => ({
  heading: t('newSignIn.heading'),
  body: t('newSignIn.body', { product }),
  ifYou: t('newSignIn.ifYou'),
  notYou: t('newSignIn.notYou', { product }),
  footer: t('newSignIn.footer', { product }),
});

function details({ at, ip, userAgent }: Data, m: MailI18n): [string, string][] {
  const unknown = m.t('newSignIn.unknown');
  return [
    [m.t('newSignIn.when'), m.time(at)],
    [m.t('newSignIn.ip'), ip || unknown],
    [m.t('newSignIn.device'), userAgent || unknown],
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

export function NewSignIn({ data, m }: { data: Data; m: MailI18n }) {
  const c = copy(m);
  return (
    <EmailLayout preview={c.heading} heading={c.heading} footer={c.footer}>
      <Paragraph>{m.greeting(data.name)}</Paragraph>
      <Paragraph>{c.body}</Paragraph>
      <Section style={{ margin: '0 0 16px' }}>
        {details(data, m).map(([name, detail]) => (
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
      <Paragraph>{c.ifYou}</Paragraph>
      <NotYou>{c.notYou}</NotYou>
    </EmailLayout>
  );
}

export const newSignIn: MailTemplate<'new-sign-in'> = {
  subject: (_data, m) => m.t('newSignIn.subject', { product: m.product }),
  email: (data, m) => <NewSignIn data={data} m={m} />,
  text: (data, m) => {
    const c = copy(m);
    return plainText(
      m.greeting(data.name),
      c.body,
      details(data, m)
        .map(([name, detail]) => `${name}: ${detail}`)
        .join('\n'),
      c.ifYou,
      c.notYou,
      `--\n${c.footer}`,
    );
  },
};
