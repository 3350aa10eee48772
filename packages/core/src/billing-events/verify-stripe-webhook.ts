import type Stripe from 'stripe';
import { z } from 'zod';
import { AppError } from '../errors/index';

/** Stripe's own default: a signature older than five minutes is a replay, not a delivery. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

// The part of an event the inbox relies on; the rest is kept as Stripe sent it.
const storedEvent = z.looseObject({
  id: z
    .string()
    .regex(/^evt_\w+$/)
    .max(255),
  object: z.literal('event'),
  type: z.string().min(1).max(255),
  created: z.number().int().positive(),
  livemode: z.boolean(),
  api_version: z.string().max(64).nullish(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

/**
 * Checks a webhook delivery: the Stripe-Signature header against the raw bytes (HMAC with the
 * endpoint secret, timestamp within the tolerance), then the event's shape. Any failure is one
 * `invalid_input`, so nothing unverified ever reaches the inbox.
 */
export async function verifyStripeWebhook(
  deps: { stripe: Stripe; webhookSecret: string },
  rawBody: Buffer,
  signatureHeader: string | undefined,
): Promise<Stripe.Event> {
  if (!signatureHeader) throw new AppError('invalid_input', 'Missing Stripe-Signature header.');
  let event: unknown;
  try {
    event = await deps.stripe.webhooks.constructEventAsync(
      rawBody,
      signatureHeader,
      deps.webhookSecret,
      WEBHOOK_TOLERANCE_SECONDS,
    );
  } catch (error) {
    const reason =
      (error as { type?: string }).type === 'StripeSignatureVerificationError' ? 'signature' : 'body';
    throw new AppError(
      'invalid_input',
      reason === 'signature' ? 'Invalid Stripe signature.' : 'Invalid webhook body.',
      { cause: error },
    );
  }
  const parsed = storedEvent.safeParse(event);
  if (!parsed.success) throw new AppError('invalid_input', 'Not a Stripe event.', { cause: parsed.error });
  return parsed.data as unknown as Stripe.Event;
}
