import type { Metadata } from 'next';
import { Alert } from '../../../components/ui/alert';
import { getLinkedAccounts, requireSession } from '../../../lib/session';
import { DeleteAccountSection } from './delete-account-section';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { SessionsSection } from './sessions-section';
import { TwoFactorSection } from './two-factor-section';

export const metadata: Metadata = {
  title: 'Account',
};

type AccountPageProps = {
  searchParams: Promise<{ error?: string | string[] }>;
};

export default async function AccountPage({ searchParams }: AccountPageProps) {
  const { user, session } = await requireSession('/account');
  const accounts = await getLinkedAccounts();
  const hasPassword = accounts === null || accounts.some((account) => account.providerId === 'credential');
  // An email-change link that failed lands here with ?error= (its callbackURL is /account).
  const { error } = await searchParams;

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
      ) : null}
      <ProfileSection name={user.name} />
      <EmailSection email={user.email} verified={user.emailVerified} />
      <PasswordSection hasPassword={hasPassword} />
      <TwoFactorSection enabled={Boolean(user.twoFactorEnabled)} hasPassword={hasPassword} />
      <SessionsSection currentSessionId={session.id} />
      <DeleteAccountSection hasPassword={hasPassword} />
    </div>
  );
}
