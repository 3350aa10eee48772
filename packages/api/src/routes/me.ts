import { z } from '@hono/zod-openapi';
import {
  deleteAccount,
  deleteAccountInput,
  getLocale,
  getTheme,
  setLocale,
  setTheme,
  THEMES,
} from '@plinth/core/identity';
import { LOCALES } from '@plinth/core/locales';
import type { Database } from '@plinth/db';
import { sessionActorOf } from '../middleware/api-key-actor';
import { addRoute, defineRoute, encodeId, publicId, type V1App, type V1Chain } from '../openapi/index';
import { auditOrigin } from './origin';

const me = z
  .object({
    id: publicId('user'),
    email: z.email(),
    theme: z.enum(THEMES).openapi({
      description: "Colour theme: 'system' follows the device (prefers-color-scheme).",
    }),
    locale: z
      .enum(LOCALES)
      .nullable()
      .openapi({
        description: `Interface and mail language (${LOCALES.join(', ')}); null follows the browser's Accept-Language.`,
      }),
  })
  .openapi('Me');

const meChange = z
  .strictObject({
    theme: z.enum(THEMES).optional(),
    locale: z.enum(LOCALES).nullable().optional().openapi({
      description: "A supported locale, or null to follow the browser's Accept-Language again.",
    }),
  })
  .refine((body) => body.theme !== undefined || body.locale !== undefined, {
    path: ['theme'],
    message: 'Send theme, locale or both',
  })
  .openapi('MeChange');

const getMe = defineRoute('user', {
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: 'The signed-in person',
  tags: ['Me'],
  responses: { 200: { description: 'You.', content: { 'application/json': { schema: me } } } },
});

const updateMe = defineRoute('user', {
  method: 'patch',
  path: '/me',
  operationId: 'updateMe',
  summary: 'Change your preferences',
  description:
    'Your colour theme (`system`, `light` or `dark`) and your language (a supported locale, or null to follow the browser), which the web app and your mail use. Send either or both.',
  tags: ['Me'],
  request: { body: { required: true, content: { 'application/json': { schema: meChange } } } },
  responses: {
    200: { description: 'You, after the change.', content: { 'application/json': { schema: me } } },
  },
});

const deleteMe = defineRoute('user', {
  method: 'delete',
  path: '/me',
  operationId: 'deleteMe',
  summary: 'Delete your account',
  description:
    'Anonymises your account (the audit trail keeps the id), removes your memberships and ends the session. Accounts with a password must send it.',
  tags: ['Me'],
  request: { body: { required: false, content: { 'application/json': { schema: deleteAccountInput } } } },
  responses: { 204: { description: 'Deleted; the session cookie is cleared.' } },
});

/** /api/v1/me: the signed-in person's own account. */
export function meRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, getMe, async (c) => {
    const actor = sessionActorOf(c);
    const [theme, locale] = await Promise.all([getTheme(deps, actor.id), getLocale(deps, actor.id)]);
    return c.json({ id: encodeId('user', actor.id), email: actor.email, theme, locale }, 200);
  });
  addRoute(app, chain, updateMe, async (c) => {
    const actor = sessionActorOf(c);
    const change = c.req.valid('json');
    // Both values were checked above, so neither write can fail on the input after the other.
    if (change.theme !== undefined) await setTheme(deps, actor, { theme: change.theme });
    if (change.locale !== undefined) await setLocale(deps, actor, { locale: change.locale });
    const [theme, locale] = await Promise.all([getTheme(deps, actor.id), getLocale(deps, actor.id)]);
    return c.json({ id: encodeId('user', actor.id), email: actor.email, theme, locale }, 200);
  });
  addRoute(app, chain, deleteMe, async (c) => {
    await deleteAccount(deps, sessionActorOf(c), c.req.valid('json'), auditOrigin(c));
    c.header('Set-Cookie', 'plinth.session_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax');
    return c.body(null, 204);
  });
}
