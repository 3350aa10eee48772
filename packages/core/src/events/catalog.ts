import { z } from 'zod';
import { idPrefixes, suffixPattern, type IdPrefix } from '../public-ids/index';

// The event catalog: every event type a workspace's webhook endpoints can receive, declared once
// with its payload schema (the public API's shapes: prefixed ids, snake_case, ISO timestamps) and a
// description. The OpenAPI document's `webhooks` section is generated from this list.

const id = (prefix: IdPrefix) => z.string().regex(new RegExp(`^${prefix}_${suffixPattern}$`));
const timestamp = () => z.iso.datetime({ offset: true });
const role = z.enum(['owner', 'admin', 'member', 'viewer']);

const inWorkspace = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ workspace_id: id(idPrefixes.workspace), ...shape });

const projectShape = {
  id: id('proj'),
  name: z.string(),
  description: z.string().nullable(),
  created_by: id('user'),
  created_at: timestamp(),
  updated_at: timestamp(),
};

export const eventCatalog = {
  'project.created': {
    description: 'A project was created.',
    data: inWorkspace({ project: z.strictObject(projectShape) }),
  },
  'project.updated': {
    description: 'A project was renamed or its description changed.',
    data: inWorkspace({ project: z.strictObject(projectShape) }),
  },
  'project.deleted': {
    description: 'A project was deleted.',
    data: inWorkspace({ project: z.strictObject({ id: id('proj'), name: z.string() }) }),
  },
  'member.added': {
    description: 'Someone joined the workspace (an accepted invitation).',
    data: inWorkspace({ user_id: id('user'), role }),
  },
  'member.role_changed': {
    description: "A member's role changed.",
    data: inWorkspace({ user_id: id('user'), role, previous_role: role }),
  },
  'member.removed': {
    description: 'A member was removed from the workspace.',
    data: inWorkspace({ user_id: id('user'), role }),
  },
  'invitation.created': {
    description: 'Someone was invited to the workspace.',
    data: inWorkspace({
      invitation: z.strictObject({
        id: id('inv'),
        email: z.string(),
        role,
        invited_by: id('user'),
        expires_at: timestamp(),
        created_at: timestamp(),
      }),
    }),
  },
  'invitation.accepted': {
    description: 'An invitation was accepted; a `member.added` follows for the same person.',
    data: inWorkspace({ invitation_id: id('inv'), user_id: id('user'), role }),
  },
  'subscription.updated': {
    description: "The workspace's plan or subscription state changed.",
    data: inWorkspace({
      plan: z.string(),
      state: z.enum(['active', 'trialing', 'grace', 'free']),
      seats: z.number().int().nullable(),
      cancel_at_period_end: z.boolean(),
      current_period_end: timestamp().nullable(),
    }),
  },
  'workspace.updated': {
    description: 'The workspace was renamed.',
    data: inWorkspace({ name: z.string(), slug: z.string() }),
  },
  ping: {
    description: 'A test event, sent by "Send test event"; it carries no domain change.',
    data: inWorkspace({ message: z.string() }),
  },
} as const satisfies Record<string, { description: string; data: z.ZodObject }>;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = z.input<(typeof eventCatalog)[T]['data']>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalog, value);
}

/**
 * The body every delivery sends (Standard Webhooks' recommended envelope): the type, when it
 * happened, and the type's data. Signed as these exact bytes.
 */
export function eventEnvelopeSchema<T extends EventType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    timestamp: timestamp(),
    data: eventCatalog[type].data,
  });
}
