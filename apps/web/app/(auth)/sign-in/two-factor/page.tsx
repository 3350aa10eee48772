import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthHeading } from '../../../../components/auth/auth-heading';
import { getSession } from '../../../../lib/session';
import { safeNextPath } from '../../../../lib/validation';
import { TwoFactorForm } from './two-factor-form';

export const metadata: Metadata = {
  title: 'Two-factor authentication',
};

type TwoFactorPageProps = {
  searchParams: Promise<{ next?: string | string[] }>;
};

export default async function TwoFactorPage({ searchParams }: TwoFactorPageProps) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <>
      <AuthHeading
        title="Two-factor authentication"
        description="Your account is protected with a second step. Confirm it is you to finish signing in."
      />
      <TwoFactorForm next={next} />
    </>
  );
}
