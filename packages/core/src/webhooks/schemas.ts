import { z } from 'zod';
import { eventTypes, type EventType } from '../events/index';
import { multiLineText, singleLineText } from '../text/index';

const url = singleLineText({ min: 1, max: 2048, minMessage: 'Enter the URL.' });
const description = multiLineText({ max: 500 }).nullable();
/** Omitted or null: every event type, including ones added later. */
const subscribedTypes = z
  .array(z.enum(eventTypes as [EventType, ...EventType[]], { error: 'Unknown event type.' }))
  .min(1, 'Choose at least one event type, or null for all.')
  .max(eventTypes.length)
  .refine((types) => new Set(types).size === types.length, 'List each event type once.')
  .nullable();

export const createWebhookEndpointInput = z.strictObject({
  url,
  description: description.optional(),
  eventTypes: subscribedTypes.optional(),
  enabled: z.boolean().optional(),
});
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = z
  .strictObject({
    url: url.optional(),
    description: description.optional(),
    eventTypes: subscribedTypes.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'Change at least one field.',
  });
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInput>;

/** How long the previous secret keeps signing after a rotation: 0 (at once) to 7 days. */
export const rotateSecretInput = z.strictObject({
  overlapSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(86_400),
});
export type RotateSecretInput = z.input<typeof rotateSecretInput>;

export const listDeliveriesInput = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.uuid('Invalid cursor.').optional(),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;
