// Fake Stripe: a loopback stand-in for the Stripe API endpoints Plinth uses, driven by the real SDK,
// with hosted checkout/portal/invoice pages, lifecycle controls, a clock and signed webhook delivery.
export { startFakeStripe, type FakeStripe, type FakeStripeOptions } from './server';
export { seededRandom } from './delivery';
export type { DeliverOptions, DeliverResult, DeliveryFailure, DeliveryMode } from './delivery';
export type { PaymentBehavior, Truth } from './engine';
