import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = {
  title: 'Choose a new password',
};

type ResetPasswordPageProps = {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
};

/**
 * The reset link goes to /api/auth/reset-password/TOKEN, which redirects here with `?token=` when
 * the token is good and `?error=INVALID_TOKEN` when it is not.
 */
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token, error } = await searchParams;
  if (error || typeof token !== 'string' || token === '') {
    return (
      <>
        <AuthHeading title="This reset link is not valid" />
        <div className="grid gap-4" data-testid="reset-link-invalid">
          <Alert variant="destructive">
            The link has expired or was already used. Reset links work once, for one hour.
          </Alert>
          <Button asChild className="w-full">
            <Link href="/forgot-password">Request a new link</Link>
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading
        title="Choose a new password"
        description="After this, you will be signed out everywhere and can sign in with the new password."
      />
      <ResetPasswordForm token={token} />
    </>
  );
}
