import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '@plinth/db';
import { AppError } from '@plinth/core/errors';
import { unsubscribeWithToken } from '@plinth/core/notifications';
import type { ApiEnv } from '../types';
import { auditOrigin } from './origin';

/**
 * POST /api/notifications/unsubscribe?token=…: the one-click unsubscribe of RFC 8058. A mail client
 * POSTs `List-Unsubscribe=One-Click` (form-encoded) to the URL in the mail's List-Unsubscribe
 * header, with no cookie: the signed, expiring token is the authority, so there is no session and
 * no Origin check. It turns off that one category's mail (for the workspace the mail was about,
 * when it carried one) and is audited. A tampered, malformed or expired token is a 400 naming
 * `token`. A browser submitting the footer link's confirmation form is sent back to that page.
 * GET does nothing here: link scanners follow GET links, and must not unsubscribe anyone.
 */
export function unsubscribeRoutes(deps: { database: Database; secret: string; appUrl: string }) {
  return new Hono<ApiEnv>().post(
    '/notifications/unsubscribe',
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
      if ((c.req.header('accept') ?? '').includes('text/html')) {
        const done = new URL('/unsubscribe', deps.appUrl);
        done.searchParams.set('done', category);
        return c.redirect(done.toString(), 303);
      }
      return c.json({ unsubscribed: true, category }, 200);
    },
  );
}
