import type { Metadata } from 'next';
import { serverContext } from '@plinth/core/server-context';
import { getTheme } from '@plinth/core/identity';
import { getAvatar } from '@plinth/core/storage';
import { Alert } from '../../../components/ui/alert';
import { getLinkedAccounts, requireSession } from '../../../lib/session';
import { AvatarSection } from './avatar-section';
import { DeleteAccountSection } from './delete-account-section';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { ThemeSection } from './theme-section';
import { TwoFactorSection } from './two-factor-section';

export const metadata: Metadata = {
  title: 'Account',
};

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
  const theme = await getTheme({ database }, user.id);
  const avatar = storage ? await getAvatar({ database, storage }, { type: 'user', id: user.id }) : undefined;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Your profile, how you sign in, and the devices signed in to your account.
        </p>
      </div>
      {error ? (
        <Alert variant="destructive" title="That email link did not work">
          It has expired or was already used. Request the email change again below.
        </Alert>
      ) : emailLink ? (
        <Alert variant="info" title="Email link opened">
          If it approved a change, we sent a confirmation link to the new address: your email below changes
          once you open that one.
        </Alert>
      ) : null}
      <ProfileSection name={user.name} />
      <AvatarSection
        name={user.name}
        email={user.email}
        avatar={avatar === undefined ? undefined : avatar && { status: avatar.status, urls: avatar.urls }}
      />
      <ThemeSection theme={theme} />
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
  );
}
