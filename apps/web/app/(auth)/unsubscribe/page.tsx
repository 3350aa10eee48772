import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { Button } from '../../../components/ui/button';

export const metadata: Metadata = { title: 'Unsubscribe' };

type UnsubscribePageProps = {
  searchParams: Promise<{ token?: string | string[]; done?: string | string[]; error?: string | string[] }>;
};

/** Why the form's POST failed, in words (the endpoint sends a browser back here with `error`). */
const failures: Record<string, { title: string; description: string }> = {
  invalid: {
    title: 'This link is not valid or has expired',
    description:
      'Unsubscribe links work for 60 days. Sign in and turn these emails off under Account → Notifications.',
  },
  rate_limited: {
    title: 'Too many attempts',
    description: 'Wait a minute, then open the link from the email again.',
  },
  failed: {
    title: 'We could not unsubscribe you',
    description: 'Try again later, or turn these emails off under Account → Notifications.',
  },
};

/**
 * Where the footer link of a notification mail lands. Opening it changes nothing (mail scanners
 * open links); the button POSTs the RFC 8058 form to the one-click endpoint, which checks the
 * signed token, turns that category's mail off, and sends the browser back here with `done` (or
 * with `error` when the link was bad or expired, to say so in words rather than show JSON).
 */
export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const { token, done, error } = await searchParams;
  if (typeof error === 'string') {
    const failure = (Object.hasOwn(failures, error) ? failures[error] : undefined) ?? failures.failed!;
    return (
      <>
        <AuthHeading title={failure.title} description={failure.description} />
        <p className="text-sm">
          <Link href="/account/notifications" className="underline underline-offset-4">
            Notification preferences
          </Link>
        </p>
      </>
    );
  }
  if (typeof done === 'string') {
    return (
      <>
        <AuthHeading
          title="You are unsubscribed"
          description={`You will get no more ${done.replace(/[^a-z_]/g, '')} emails of this kind. Notifications still appear in the app.`}
        />
        <p className="text-sm">
          <Link href="/account/notifications" className="underline underline-offset-4">
            Notification preferences
          </Link>
        </p>
      </>
    );
  }
  if (typeof token !== 'string' || token.length > 1000) {
    return <AuthHeading title="This link is not valid" description="Open the link from the email again." />;
  }
  const action = `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  return (
    <>
      <AuthHeading
        title="Unsubscribe from these emails?"
        description="You will stop receiving emails of this kind. You can turn them back on under Account → Notifications."
      />
      <form method="post" action={action} encType="application/x-www-form-urlencoded">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit" className="w-full">
          Unsubscribe
        </Button>
      </form>
    </>
  );
}
