import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import { createContext, useContext, type CSSProperties, type ReactNode } from 'react';
import { productName, theme } from './brand';
import { MailLocale } from './i18n';

const styles = {
  body: { backgroundColor: theme.background, margin: 0, padding: '24px 0', fontFamily: theme.fontFamily },
  card: {
    backgroundColor: theme.card,
    border: `1px solid ${theme.border}`,
    borderRadius: '8px',
    margin: '0 auto',
    maxWidth: '560px',
    padding: '32px',
  },
  brand: { color: theme.primary, fontSize: '16px', fontWeight: 600, margin: '0 0 24px' },
  heading: { color: theme.text, fontSize: '22px', fontWeight: 600, lineHeight: '30px', margin: '0 0 16px' },
  text: { color: theme.text, fontSize: '15px', lineHeight: '24px', margin: '0 0 16px' },
  muted: { color: theme.muted, fontSize: '13px', lineHeight: '20px', margin: '0 0 12px' },
  button: {
    backgroundColor: theme.primary,
    borderRadius: '6px',
    color: theme.primaryText,
    display: 'inline-block',
    fontSize: '15px',
    fontWeight: 600,
    padding: '12px 20px',
    textDecoration: 'none',
  },
  rawLink: { color: theme.primary, wordBreak: 'break-all' },
  rule: { borderColor: theme.border, margin: '24px 0' },
} satisfies Record<string, CSSProperties>;

/**
 * The signed unsubscribe link of a notification mail a person may turn off (set by renderMail);
 * the layout shows it under the footer line.
 */
export const UnsubscribeLink = createContext<string | undefined>(undefined);

/**
 * The frame every message shares: language, preview line, a card with the product name, the
 * content, and a footer line saying why the reader got this mail.
 */
export function EmailLayout(props: {
  preview: string;
  heading: string;
  footer: string;
  children: ReactNode;
}) {
  const unsubscribeUrl = useContext(UnsubscribeLink);
  const { locale, t } = useContext(MailLocale);
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.card}>
          <Text style={styles.brand}>{productName}</Text>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr style={styles.rule} />
          <Text style={styles.muted}>{props.footer}</Text>
          {unsubscribeUrl ? (
            <Text style={styles.muted}>
              <Link href={unsubscribeUrl} style={styles.rawLink}>
                {t('layout.unsubscribe')}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** The call to action, then the same link written out for clients that block buttons. */
export function ActionLink({ href, label }: { href: string; label: string }) {
  const { t } = useContext(MailLocale);
  return (
    <>
      <Section style={{ margin: '8px 0 24px' }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.muted}>{t('layout.buttonFallback')}</Text>
      <Text style={styles.muted}>
        <Link href={href} style={styles.rawLink}>
          {href}
        </Link>
      </Text>
    </>
  );
}

/** The "didn't ask for this?" line every message ends its content with. */
export function NotYou({ children }: { children: ReactNode }) {
  return <Text style={{ ...styles.muted, marginTop: '16px' }}>{children}</Text>;
}
