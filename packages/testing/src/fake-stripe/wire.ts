import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';

/** The API version the fake renders; the SDK pins the same one. */
export const API_VERSION = '2026-10-28.endive';

/**
 * An SDK type as it travels over HTTP: the SDK turns `*_decimal` strings into `Stripe.Decimal`
 * objects after parsing, so on the wire (and in the fake's store) they are plain strings.
 */
export type Wire<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Stripe.Decimal
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

export type WireCustomer = Wire<Stripe.Customer>;
export type WireProduct = Wire<Stripe.Product>;
export type WirePrice = Wire<Stripe.Price>;
export type WirePlan = Wire<Stripe.Plan>;
export type WireSubscription = Wire<Stripe.Subscription>;
export type WireSubscriptionItem = Wire<Stripe.SubscriptionItem>;
export type WireInvoice = Wire<Stripe.Invoice>;
export type WireInvoiceLine = Wire<Stripe.InvoiceLineItem>;
export type WireCheckoutSession = Wire<Stripe.Checkout.Session>;
export type WireCheckoutLineItem = Wire<Stripe.LineItem>;
export type WirePortalConfiguration = Wire<Stripe.BillingPortal.Configuration>;
export type WirePortalSession = Wire<Stripe.BillingPortal.Session>;

export interface WireList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** Every object the fake stores: what `expand` and event snapshots can resolve by id. */
export type WireObject =
  | WireCustomer
  | WireProduct
  | WirePrice
  | WireSubscription
  | WireInvoice
  | WireCheckoutSession
  | WirePortalConfiguration
  | WirePortalSession;

export interface WireEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: WireObject; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: Stripe.Event.Type;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Stripe-looking ids: the prefix, then random base62 (`cus_` + 14, `sub_` + 24, `cs_test_` + 58, …). */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** A Stripe-shaped API error: the SDK maps `status` to its error classes (400, 401, 402, 404…). */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  body(requestLogUrl?: string) {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code
          ? {
              code: this.code,
              doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll('_', '-')}`,
            }
          : {}),
        ...(this.param ? { param: this.param } : {}),
        ...(requestLogUrl ? { request_log_url: requestLogUrl } : {}),
      },
    };
  }
}

export function invalid(message: string, param?: string, code?: string): FakeStripeError {
  return new FakeStripeError(400, 'invalid_request_error', message, code, param);
}

export function missing(resource: string, id: string, param = 'id'): FakeStripeError {
  return new FakeStripeError(
    404,
    'invalid_request_error',
    `No such ${resource}: '${id}'`,
    'resource_missing',
    param,
  );
}
