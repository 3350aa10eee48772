import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AuthHeading } from '../../../components/auth/auth-heading';
import { Button } from '../../../components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.unsubscribe');
  return { title: t('metaTitle') };
}

type UnsubscribePageProps = {
  searchParams: Promise<{ token?: string | string[]; done?: string | string[]; error?: string | string[] }>;
};

/** Why the form's POST failed: the catalog keys (auth.unsubscribe) of its heading and its line. */
const failures = {
  invalid: { heading: 'invalidTitle', line: 'invalidBody' },
  rate_limited: { heading: 'rateLimitedTitle', line: 'rateLimitedBody' },
  failed: { heading: 'failedTitle', line: 'failedBody' },
} as const;

/**
 * Where the footer link of a notification mail lands. Opening it changes nothing (mail scanners
 * open links); the button POSTs the RFC 8058 form to the one-click endpoint, which checks the
 * signed token, turns that category's mail off, and sends the browser back here with `done` (or
 * with `error` when the link was bad or expired, to say so in words rather than show JSON).
 */
export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const { token, done, error } = await searchParams;
  const t = await getTranslations('auth.unsubscribe');
  if (typeof error === 'string') {
    const failure = Object.hasOwn(failures, error)
      ? failures[error as keyof typeof failures]
      : failures.failed;
    return (
      <>
        <AuthHeading title={t(failure.heading)} description={t(failure.line)} />
        <p className="text-sm">
          <Link href="/account/notifications" className="underline underline-offset-4">
            {t('preferences')}
          </Link>
        </p>
      </>
    );
  }
  if (typeof done === 'string') {
    return (
      <>
        <AuthHeading
          title={t('doneTitle')}
          description={t('doneBody', { category: done.replace(/[^a-z_]/g, '') })}
        />
        <p className="text-sm">
          <Link href="/account/notifications" className="underline underline-offset-4">
            {t('preferences')}
          </Link>
        </p>
      </>
    );
  }
  if (typeof token !== 'string' || token.length > 1000) {
    return <AuthHeading title={t('badTokenTitle')} description={t('badTokenBody')} />;
  }
  const action = `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
  return (
    <>
      <AuthHeading title={t('confirmTitle')} description={t('confirmBody')} />
      <form method="post" action={action} encType="application/x-www-form-urlencoded">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <Button type="submit" className="w-full">
          {t('submit')}
        </Button>
      </form>
    </>
  );
}
