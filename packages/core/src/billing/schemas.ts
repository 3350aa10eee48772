import { z } from 'zod';
import { findForbiddenCharacter, forbiddenCharacterMessage } from '../text/index';
import { planForLookupKey } from './catalog';

/** The most seats one Checkout may buy (the team plan's ceiling). */
export const MAX_SEATS = 500;

/** A return link: an http(s) URL with no control characters (they would reach Stripe as is). */
const returnUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((url) => findForbiddenCharacter(url) === null, forbiddenCharacterMessage);

export const startCheckoutInput = z.strictObject({
  lookupKey: z
    .string()
    .trim()
    .max(100)
    .refine((key) => planForLookupKey(key) !== undefined, 'Choose a plan from the price list.'),
  /** Seats, for a seat-based plan; defaults to the current member count. */
  quantity: z.number().int().min(1).max(MAX_SEATS).optional(),
  /** Where Stripe sends the person back; on APP_URL's origin. Defaults to the workspace billing page. */
  successUrl: returnUrl.optional(),
  cancelUrl: returnUrl.optional(),
});
export type StartCheckoutInput = z.input<typeof startCheckoutInput>;

export const openPortalInput = z.strictObject({
  /** Where the portal's "return" link goes; on APP_URL's origin. Defaults to the billing page. */
  returnUrl: returnUrl.optional(),
});
export type OpenPortalInput = z.input<typeof openPortalInput>;
