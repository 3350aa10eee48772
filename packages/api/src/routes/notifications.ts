import { z } from '@hono/zod-openapi';
import {
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationCategories,
  notificationChannels,
  notificationModes,
  updateNotificationPreferences,
  type NotificationView,
  type PreferenceView,
} from '@plinth/core/notifications';
import { AppError } from '@plinth/core/errors';
import type { RealtimeHub } from '@plinth/core/realtime';
import type { Database } from '@plinth/db';
import { sessionActorOf } from '../middleware/api-key-actor';
import {
  addRoute,
  decodeCursor,
  decodeId,
  defineRoute,
  encodeId,
  iso,
  isoOrNull,
  jsonBody,
  jsonContent,
  pageQuery,
  publicId,
  timestamp,
  tryDecodeId,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';

const tags = ['Notifications'];

const notification = z
  .object({
    id: publicId('ntf'),
    type: z.string().openapi({ example: 'workspace.role_changed' }),
    category: z.enum(notificationCategories),
    workspace_id: publicId('ws').nullable(),
    title: z.string().openapi({
      description:
        'One line, in English. `type` and `data` are there to word it in another language: the web app does so in its reader’s language and keeps this title for a type it does not know.',
    }),
    link: z.string().openapi({ description: 'The page it is about: a path on the app.', example: '/w/acme' }),
    data: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'What the title was made from (by type).' }),
    read_at: timestamp().nullable(),
    created_at: timestamp(),
  })
  .openapi('Notification');

const toNotification = (row: NotificationView) => ({
  id: encodeId('ntf', row.id),
  type: row.type,
  category: row.category as (typeof notificationCategories)[number],
  workspace_id: row.workspaceId ? encodeId('ws', row.workspaceId) : null,
  title: row.title,
  link: row.path,
  data: row.data,
  read_at: isoOrNull(row.readAt),
  created_at: iso(row.createdAt),
});

const notificationPage = z
  .object({
    items: z.array(notification),
    next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page.' }),
    has_more: z.boolean(),
    unread_count: z
      .number()
      .int()
      .openapi({ description: 'All your unread notifications, not only this page.' }),
  })
  .openapi('NotificationList');

const listRoute = defineRoute('user', {
  method: 'get',
  path: '/me/notifications',
  operationId: 'listNotifications',
  summary: 'Your notifications',
  description: 'Newest first, cursor-paginated; `unread=true` lists only unread ones. Signed-in people only.',
  tags,
  request: {
    query: z.strictObject({
      ...pageQuery('ntf'),
      unread: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'Only unread notifications when `true`.' }),
    }),
  },
  responses: { 200: jsonContent('A page of notifications.', notificationPage) },
});

const notificationParams = z.strictObject({
  notification_id: publicId('ntf').openapi({ param: { name: 'notification_id', in: 'path' } }),
});

const readRoute = defineRoute('user', {
  method: 'post',
  path: '/me/notifications/{notification_id}/read',
  operationId: 'markNotificationRead',
  summary: 'Mark a notification read',
  description: 'Idempotent: one already read keeps its first `read_at`.',
  tags,
  request: { params: notificationParams },
  responses: { 200: jsonContent('The notification.', notification) },
});

const readAllRoute = defineRoute('user', {
  method: 'post',
  path: '/me/notifications/read-all',
  operationId: 'markAllNotificationsRead',
  summary: 'Mark all your notifications read',
  tags,
  responses: {
    200: jsonContent(
      'How many were unread.',
      z.object({ updated: z.number().int() }).openapi('NotificationsMarkedRead'),
    ),
  },
});

const channelSetting = z.object({
  mode: z.enum(notificationModes),
  locked: z.boolean().openapi({ description: 'Cannot be changed (security and billing email).' }),
});

const preferences = z
  .object({
    categories: z.array(
      z.object({
        category: z.enum(notificationCategories),
        label: z.string(),
        description: z.string(),
        channels: z.object({ in_app: channelSetting.optional(), email: channelSetting.optional() }),
        overrides: z.array(
          z.object({
            workspace_id: publicId('ws'),
            channel: z.enum(notificationChannels),
            mode: z.enum(notificationModes),
          }),
        ),
      }),
    ),
  })
  .openapi('NotificationPreferences');

const toPreferences = (views: PreferenceView[]) => ({
  categories: views.map((view) => ({
    category: view.category,
    label: view.label,
    description: view.description,
    channels: view.channels,
    overrides: view.overrides.map((override) => ({
      workspace_id: encodeId('ws', override.workspaceId),
      channel: override.channel,
      mode: override.mode,
    })),
  })),
});

const preferencesInput = z
  .strictObject({
    changes: z
      .array(
        z.strictObject({
          category: z.enum(notificationCategories),
          channel: z.enum(notificationChannels),
          mode: z.enum(notificationModes).nullable().openapi({
            description: '`digest` (email only): one daily summary. `null`: back to the default.',
          }),
          workspace_id: publicId('ws')
            .nullable()
            .optional()
            .openapi({ description: 'A workspace you belong to: an override for it only.' }),
        }),
      )
      .min(1)
      .max(50),
  })
  .openapi('NotificationPreferencesChange');

const getPreferencesRoute = defineRoute('user', {
  method: 'get',
  path: '/me/notification-preferences',
  operationId: 'getNotificationPreferences',
  summary: 'Your notification preferences',
  description: 'Per category and channel, with the workspace overrides you set.',
  tags,
  responses: { 200: jsonContent('Your preferences.', preferences) },
});

const patchPreferencesRoute = defineRoute('user', {
  method: 'patch',
  path: '/me/notification-preferences',
  operationId: 'updateNotificationPreferences',
  summary: 'Change your notification preferences',
  description:
    'All changes apply, or none. Security and billing email cannot be turned off; `digest` is for email only.',
  tags,
  request: { body: jsonBody(preferencesInput) },
  responses: { 200: jsonContent('Your preferences after the change.', preferences) },
});

const eventsRoute = defineRoute('user', {
  method: 'get',
  path: '/me/events',
  operationId: 'streamEvents',
  summary: 'Live events (Server-Sent Events)',
  description:
    'A `text/event-stream` for a signed-in person: `notification` (a new notification: `{"id"}`), ' +
    '`invalidate` (`{"workspace_id","topic"}`: projects, members, billing or workspace changed; refetch it) and ' +
    '`resync` (events may have been missed: refetch everything). Events carry ids; reconnect with ' +
    '`Last-Event-ID` to receive what was missed in the last few minutes. Comments keep the connection alive. ' +
    'The stream ends soon after your session does (sign-out), and when you open more than 8 on one node ' +
    '(the oldest ends); a client that stops reading is disconnected.',
  tags,
  parameters: [
    {
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      description: 'The id of the last event received, to resume after it.',
      schema: { type: 'string', maxLength: 100 },
    },
  ],
  responses: {
    200: { description: 'The event stream.', content: { 'text/event-stream': { schema: z.string() } } },
  },
});

/**
 * The most a client may leave unread on its stream before it is dropped (it reconnects and
 * resumes), in bytes: frames are queued as bytes (ByteLengthQueuingStrategy), so this is bytes
 * waiting in this process, past what the socket and the kernel already hold.
 */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** Bytes the stream's queue may hold before it reports back-pressure (desiredSize < 0). */
const STREAM_HIGH_WATER_MARK = 64 * 1024;

/** /api/v1/me/notifications, /me/notification-preferences and /me/events. */
export function notificationRoutes(
  app: V1App,
  chain: V1Chain,
  deps: { database: Database; realtime?: RealtimeHub | undefined },
): void {
  addRoute(app, chain, listRoute, async (c) => {
    const query = c.req.valid('query');
    const cursor = decodeCursor('ntf', query.cursor);
    const page = await listNotifications(deps, sessionActorOf(c), {
      limit: query.limit,
      unread: query.unread === 'true',
      ...(cursor ? { cursor } : {}),
    });
    return c.json(
      {
        items: page.items.map(toNotification),
        next_cursor: page.nextCursor ? encodeId('ntf', page.nextCursor) : null,
        has_more: page.nextCursor !== null,
        unread_count: page.unreadCount,
      },
      200,
    );
  });
  addRoute(app, chain, readAllRoute, async (c) => {
    const updated = await markAllNotificationsRead(deps, sessionActorOf(c));
    return c.json({ updated }, 200);
  });
  addRoute(app, chain, readRoute, async (c) => {
    const id = decodeId('ntf', c.req.valid('param').notification_id);
    return c.json(toNotification(await markNotificationRead(deps, sessionActorOf(c), id)), 200);
  });
  addRoute(app, chain, getPreferencesRoute, async (c) =>
    c.json(toPreferences(await getNotificationPreferences(deps, sessionActorOf(c))), 200),
  );
  addRoute(app, chain, patchPreferencesRoute, async (c) => {
    const { changes } = c.req.valid('json');
    const views = await updateNotificationPreferences(
      deps,
      sessionActorOf(c),
      {
        changes: changes.map((change, index) => ({
          category: change.category,
          channel: change.channel,
          mode: change.mode,
          workspaceId: change.workspace_id ? workspaceUuid(change.workspace_id, index) : null,
        })),
      },
      auditOrigin(c),
    );
    return c.json(toPreferences(views), 200);
  });
  addRoute(app, chain, eventsRoute, async (c) => {
    const actor = sessionActorOf(c);
    const realtime = deps.realtime;
    if (!realtime) throw new AppError('unavailable', 'Live events are not available on this node.');
    const lastEventId = c.req.header('last-event-id');
    const encoder = new TextEncoder();
    const signal = c.req.raw.signal;
    let connection: { close(): void } | undefined;
    let open = true;
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    // A clean end (the session ended, too many streams): what is queued is still sent, then the
    // response ends and the browser reconnects (to a 401 once signed out).
    const finish = () => {
      if (!open) return;
      open = false;
      connection?.close();
      try {
        stream?.close();
      } catch {
        // already closed by the client going away
      }
    };
    // A client that stopped reading: its connection is closed at once, which cancels the stream
    // and frees what was queued for it (closing the stream would keep that until it was read).
    const socket = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
    const drop = () => {
      if (!open) return;
      if (!socket) return finish();
      open = false;
      connection?.close();
      socket.destroy();
    };
    const body = new ReadableStream<Uint8Array>(
      {
        async start(controller) {
          stream = controller;
          const write = (text: string): boolean => {
            if (!open) return false;
            const queued = STREAM_HIGH_WATER_MARK - (controller.desiredSize ?? 0);
            if (queued > MAX_BUFFERED_BYTES) {
              drop();
              return false;
            }
            try {
              controller.enqueue(encoder.encode(text));
              return true;
            } catch {
              finish();
              return false;
            }
          };
          signal.addEventListener('abort', finish, { once: true });
          connection = await realtime.connect(actor.id, write, {
            // Longer than any id we give: not ours, so the client cannot resume and must resync.
            lastEventId: lastEventId ? (lastEventId.length <= 100 ? lastEventId : '') : undefined,
            sessionId: actor.sessionId,
            end: finish,
          });
          if (!open || signal.aborted) return finish();
          // Once the stream is registered (a client that waits for this misses no later change): the
          // reconnect delay, and a comment so proxies and clients see the stream open.
          write('retry: 3000\n: connected\n\n');
        },
        cancel() {
          open = false;
          connection?.close();
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: STREAM_HIGH_WATER_MARK }),
    );
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    }) as never;
  });
}

/** A workspace id in a change; a malformed one is a 400 naming it. */
function workspaceUuid(value: string, index: number): string {
  const uuid = tryDecodeId('ws', value);
  if (!uuid) {
    throw new AppError('invalid_input', 'Invalid workspace id.', {
      fields: { [`changes.${index}.workspace_id`]: 'Invalid workspace id.' },
    });
  }
  return uuid;
}
