import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { serverContext } from '@plinth/core/server-context';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { MailToolbar } from './mail-toolbar';

export const metadata: Metadata = {
  title: 'Captured mail',
  robots: { index: false, follow: false },
};

// Always fresh: this page shows what the app just "sent".
export const dynamic = 'force-dynamic';

interface CapturedMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  tag: string | null;
  createdAt: string;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * /dev/mail: the development outbox. With MAIL_TRANSPORT=capture, mail is stored instead of sent;
 * this page shows it, so sign-up and sign-in links can be followed locally. It reads through the
 * API (GET /api/dev/mail), which exists only with the capture transport outside production; where
 * the API answers 404, so does this page.
 */
export default async function DevMailPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string | string[] }>;
}) {
  // Decided before any request is made, so a production node never fetches on behalf of this page.
  const { env } = serverContext();
  if (env.isProduction || env.mail.transport !== 'capture') notFound();
  const { to: toParam } = await searchParams;
  const to = typeof toParam === 'string' && toParam.trim() ? toParam.trim() : undefined;
  const messages = await fetchCapturedMail(await apiOrigin(), to);

  return (
    <main id="main" tabIndex={-1} className="outline-none mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Captured mail</h1>
          <p className="mt-1 max-w-2xl text-sm text-muted-foreground">
            In development, mail is stored here instead of being sent (MAIL_TRANSPORT=capture). Newest first,
            up to 50.
          </p>
        </div>
        <MailToolbar />
      </div>

      <form method="get" className="mt-6 flex flex-wrap items-center gap-2" role="search">
        <label htmlFor="mail-to" className="sr-only">
          Recipient
        </label>
        <Input
          id="mail-to"
          name="to"
          type="email"
          defaultValue={to}
          placeholder="Only mail to… (e.g. olivia.owner@acme.test)"
          className="max-w-sm"
        />
        <button
          type="submit"
          className="inline-flex h-9 cursor-pointer items-center rounded-md border border-border bg-background px-4 text-sm font-medium shadow-sm hover:bg-muted"
        >
          Filter
        </button>
        {to ? (
          <a href="/dev/mail" className="text-sm text-primary underline-offset-4 hover:underline">
            Show all
          </a>
        ) : null}
      </form>

      <div className="mt-6">
        {messages.length === 0 ? (
          <EmptyState
            title={to ? `No mail to ${to}` : 'No mail yet'}
            description="Sign up, ask for a magic link or reset a password: the message will appear here within a few seconds (mail is sent by a background job)."
            icon={
              <svg
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
              >
                <rect x="3" y="5" width="18" height="14" rx="2" />
                <path d="m3 7 9 6 9-6" />
              </svg>
            }
          />
        ) : (
          <ul className="grid gap-3" aria-label="Captured messages">
            {messages.map((message) => (
              <li key={message.id}>
                <MailItem message={message} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}

function MailItem({ message }: { message: CapturedMail }) {
  return (
    <details className="group rounded-lg border border-border bg-background">
      <summary className="grid cursor-pointer list-none gap-1 rounded-lg px-4 py-3 hover:bg-muted/40 sm:grid-cols-[1fr_auto] sm:items-center [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="flex items-center gap-2">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              className="size-3.5 shrink-0 text-muted-foreground transition-transform group-open:rotate-90"
            >
              <path d="m9 6 6 6-6 6" />
            </svg>
            <span className="truncate font-medium">{message.subject}</span>
            {message.tag ? (
              <span className="shrink-0 rounded bg-muted px-1.5 py-0.5 font-mono text-xs text-muted-foreground">
                {message.tag}
              </span>
            ) : null}
          </span>
          <span className="block truncate pl-5.5 text-sm text-muted-foreground">To: {message.to}</span>
        </span>
        <time dateTime={message.createdAt} className="pl-5.5 text-sm text-muted-foreground sm:pl-0">
          {timeFormat.format(new Date(message.createdAt))}
        </time>
      </summary>
      <div className="grid gap-4 border-t border-border p-4">
        <section aria-label="HTML version">
          <h2 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">HTML</h2>
          {/* Sandboxed: the mail's markup cannot run scripts or reach this page; its links open in a new tab. */}
          <iframe
            title={`HTML version of “${message.subject}”`}
            srcDoc={message.html}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            loading="lazy"
            className="h-[560px] w-full rounded-md border border-border bg-white"
          />
        </section>
        <section aria-label="Plain-text version">
          <h2 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
            Plain text
          </h2>
          <pre className="overflow-x-auto rounded-md bg-muted p-4 font-mono text-sm break-words whitespace-pre-wrap">
            {message.text}
          </pre>
        </section>
      </div>
    </details>
  );
}

/**
 * Where this server answers: the request's own host, so it works on any port and behind the dev
 * proxy. Only reached outside production; the host must still look like a host, not a URL.
 */
async function apiOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? '';
  if (!/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(host)) notFound();
  const protocol = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${protocol}://${host}`;
}

async function fetchCapturedMail(origin: string, to: string | undefined): Promise<CapturedMail[]> {
  const url = new URL('/api/dev/mail', origin);
  if (to) url.searchParams.set('to', to);
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  // The API decides too: no outbox there (an API node configured to send mail) means none here.
  if (response.status === 404) notFound();
  if (!response.ok) throw new Error(`Could not load captured mail (HTTP ${response.status}).`);
  const body = (await response.json()) as { messages: CapturedMail[] };
  return body.messages;
}
