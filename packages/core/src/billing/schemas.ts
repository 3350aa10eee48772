import { z } from 'zod';
import { planForLookupKey } from './catalog';

/** The most seats one Checkout may buy (the team plan's ceiling). */
export const MAX_SEATS = 500;

export const startCheckoutInput = z.strictObject({
  lookupKey: z
    .string()
    .trim()
    .refine((key) => planForLookupKey(key) !== undefined, 'Choose a plan from the price list.'),
  /** Seats, for a seat-based plan; defaults to the current member count. */
  quantity: z.number().int().min(1).max(MAX_SEATS).optional(),
  /** Where Stripe sends the person back; on APP_URL's origin. Defaults to the workspace billing page. */
  successUrl: z.url().optional(),
  cancelUrl: z.url().optional(),
});
export type StartCheckoutInput = z.input<typeof startCheckoutInput>;

export const openPortalInput = z.strictObject({
  /** Where the portal's "return" link goes; on APP_URL's origin. Defaults to the billing page. */
  returnUrl: z.url().optional(),
});
export type OpenPortalInput = z.input<typeof openPortalInput>;
