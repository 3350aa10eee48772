import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '@plinth/db';
import { AppError } from '@plinth/core/errors';
import { unsubscribeWithToken } from '@plinth/core/notifications';
import { defineRateLimit } from '@plinth/core/rate-limit';
import { rateLimitByIp } from '../middleware/rate-limit';
import type { ApiEnv } from '../types';
import { auditOrigin } from './origin';

/**
 * One-click unsubscribes per client address: the endpoint needs no session, so this bounds what a
 * client can make it do (verify tokens, write preferences). Mail providers that click for their
 * users do it as each mail is unsubscribed from, far below this.
 */
export const unsubscribeRateLimit = defineRateLimit({
  name: 'notifications.unsubscribe',
  limit: 30,
  windowSeconds: 60,
});

/** What the /unsubscribe page says after a failed form post (`?error=`). */
const pageErrorOf = (error: Error): string => {
  if (!(error instanceof AppError)) return 'failed';
  if (error.code === 'invalid_input') return 'invalid';
  if (error.code === 'rate_limited') return 'rate_limited';
  return 'failed';
};

const wantsHtml = (accept: string | undefined) => (accept ?? '').includes('text/html');

/**
 * A browser that posted the /unsubscribe page's form is sent back to that page, which explains a
 * failure in words (an expired link, too many tries); a mail client's one-click POST, which does
 * not ask for HTML, keeps the JSON error envelope.
 */
function failuresBackToPage(appUrl: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    if (!c.error || !wantsHtml(c.req.header('accept'))) return;
    const page = new URL('/unsubscribe', appUrl);
    page.searchParams.set('error', pageErrorOf(c.error));
    c.res = new Response(null, { status: 303, headers: { Location: page.toString() } });
  };
}

/**
 * POST /api/notifications/unsubscribe?token=…: the one-click unsubscribe of RFC 8058. A mail client
 * POSTs `List-Unsubscribe=One-Click` (form-encoded) to the URL in the mail's List-Unsubscribe
 * header, with no cookie: the signed, expiring token is the authority, so there is no session and
 * no Origin check. It turns off that one category's mail (for the workspace the mail was about,
 * when it carried one) and is audited when that changed anything. A tampered, malformed or expired
 * token is a 400 naming `token`; more than 30 a minute from one address are 429s. A browser
 * submitting the footer link's confirmation form is sent back to that page, done or failed.
 * GET does nothing here: link scanners follow GET links, and must not unsubscribe anyone.
 */
export function unsubscribeRoutes(deps: { database: Database; secret: string; appUrl: string }) {
  return new Hono<ApiEnv>().post(
    '/notifications/unsubscribe',
    failuresBackToPage(deps.appUrl),
    rateLimitByIp(deps.database, unsubscribeRateLimit),
    bodyLimit({
      maxSize: 4 * 1024,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
        throw new AppError('unsupported_media_type', 'Send List-Unsubscribe=One-Click as a form.');
      }
      const form = await c.req.parseBody().catch(() => {
        throw new AppError('invalid_input', 'The form is malformed.', { fields: { _: 'Malformed form.' } });
      });
      if (form['List-Unsubscribe'] !== 'One-Click') {
        throw new AppError('invalid_input', 'Expected List-Unsubscribe=One-Click.', {
          fields: { 'List-Unsubscribe': 'Must be One-Click.' },
        });
      }
      const { category } = await unsubscribeWithToken(deps, c.req.query('token'), auditOrigin(c));
      if (wantsHtml(c.req.header('accept'))) {
        const done = new URL('/unsubscribe', deps.appUrl);
        done.searchParams.set('done', category);
        return c.redirect(done.toString(), 303);
      }
      return c.json({ unsubscribed: true, category }, 200);
    },
  );
}
