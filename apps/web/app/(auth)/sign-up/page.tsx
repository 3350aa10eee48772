import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { getSession } from '../../../lib/session';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = {
  title: 'Create an account',
};

export default async function SignUpPage() {
  if (await getSession()) redirect('/app');
  return (
    <>
      <AuthHeading title="Create your account" description="Start with your name, email and a password." />
      <SignUpForm />
      <p className="mt-8 text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-primary hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
