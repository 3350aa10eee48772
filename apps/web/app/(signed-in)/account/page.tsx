import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { serverContext } from '@plinth/core/server-context';
import { getLocale } from '@plinth/core/identity';
import { getAvatar } from '@plinth/core/storage';
import { Alert } from '../../../components/ui/alert';
import { getLinkedAccounts, requireSession } from '../../../lib/session';
import { AvatarSection } from './avatar-section';
import { DeleteAccountSection } from './delete-account-section';
import { EmailSection } from './email-section';
import { LanguageSection } from './language-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { ThemeSection } from './theme-section';
import { TwoFactorSection } from './two-factor-section';
import { ClientMessages } from '../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('metaTitle') };
}

type AccountPageProps = {
  searchParams: Promise<{ error?: string | string[]; 'email-link'?: string | string[] }>;
};

export default async function AccountPage({ searchParams }: AccountPageProps) {
  const { user, session } = await requireSession('/account');
  const accounts = await getLinkedAccounts();
  const hasPassword = accounts === null || accounts.some((account) => account.providerId === 'credential');
  // Both email-change links (the approval mailed to the current address, the confirmation mailed
  // to the new one) land here: their callbackURL is EMAIL_LINK_CALLBACK, with ?error= if they failed.
  const { error, 'email-link': emailLink } = await searchParams;
  const { database, storage } = serverContext();
  // The saved theme came with the session's row (readRequestPerson), as it does for the shell.
  const { theme } = user;
  const [locale, t] = await Promise.all([getLocale({ database }, user.id), getTranslations('account')]);
  const avatar = storage ? await getAvatar({ database, storage }, { type: 'user', id: user.id }) : undefined;

  return (
    <ClientMessages namespaces={['account', 'auth.resend']}>
      <div className="mx-auto grid w-full max-w-3xl gap-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t('description')}</p>
        </div>
        {error ? (
          <Alert variant="destructive" title={t('linkFailedTitle')}>
            {t('linkFailedBody')}
          </Alert>
        ) : emailLink ? (
          <Alert variant="info" title={t('linkOpenedTitle')}>
            {t('linkOpenedBody')}
          </Alert>
        ) : null}
        <ProfileSection name={user.name} />
        <AvatarSection
          name={user.name}
          email={user.email}
          avatar={avatar === undefined ? undefined : avatar && { status: avatar.status, urls: avatar.urls }}
        />
        <ThemeSection theme={theme} />
        <LanguageSection locale={locale} />
        <EmailSection
          email={user.email}
          verified={user.emailVerified}
          hasPassword={hasPassword}
          impersonating={Boolean(session.impersonatedBy)}
        />
        <PasswordSection hasPassword={hasPassword} />
        <TwoFactorSection enabled={Boolean(user.twoFactorEnabled)} hasPassword={hasPassword} />
        <SessionsSection currentSessionId={session.id} />
        <DeleteAccountSection hasPassword={hasPassword} />
      </div>
    </ClientMessages>
  );
}
