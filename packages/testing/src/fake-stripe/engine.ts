import type Stripe from 'stripe';
import {
  buildCheckoutSession,
  buildCustomer,
  buildInvoice,
  buildSubscription,
  buildSubscriptionItem,
  planOf,
  type InvoiceLineInput,
} from './objects';
import {
  API_VERSION,
  clone,
  FakeStripeError,
  invalid,
  missing,
  newId,
  type WireCheckoutSession,
  type WireCustomer,
  type WireEvent,
  type WireInvoice,
  type WireObject,
  type WirePortalConfiguration,
  type WirePortalSession,
  type WirePrice,
  type WireProduct,
  type WireSubscription,
  type WireSubscriptionItem,
} from './wire';

/** What the customer's card does on the next charge (set per customer; checkout sets it too). */
export type PaymentBehavior = 'succeeds' | 'fails' | 'requires_action';
export type ProrationBehavior = 'create_prorations' | 'none' | 'always_invoice';

const DAY = 86_400;
/** Smart Retries stand-in: after a failed renewal charge, retry 3, 5 and 7 days later (4 attempts). */
const RETRY_DELAYS_DAYS = [3, 5, 7];
export const MAX_PAYMENT_ATTEMPTS = RETRY_DELAYS_DAYS.length + 1;
/** Stripe expires an unpaid first invoice's subscription after 23 hours. */
const INCOMPLETE_EXPIRES_AFTER = 23 * 3600;
const TRIAL_WILL_END_BEFORE = 3 * DAY;

export interface CheckoutLine {
  price: string;
  quantity: number;
}

interface CheckoutExtras {
  lineItems: CheckoutLine[];
  subscriptionMetadata: Record<string, string>;
  trialPeriodDays: number | null;
  trialEnd: number | null;
  subscriptionDescription: string | null;
}

interface SubscriptionExtras {
  trialWillEndSentFor: number | null;
  /** Prorations from `create_prorations` updates, billed on the next renewal invoice. */
  pendingLines: InvoiceLineInput[];
}

export interface ItemChange {
  id?: string;
  price?: string;
  quantity?: number;
  deleted?: boolean;
}

export interface SubscriptionChange {
  cancelAtPeriodEnd?: boolean;
  cancelAt?: number | null;
  items?: ItemChange[];
  prorationBehavior?: ProrationBehavior;
  pauseCollection?: {
    behavior: 'keep_as_draft' | 'mark_uncollectible' | 'void';
    resumesAt: number | null;
  } | null;
  metadata?: (current: Record<string, string>) => Record<string, string>;
  trialEnd?: 'now' | number;
  cancellationDetails?: { comment?: string | null; feedback?: string | null };
  description?: string | null;
}

export interface Truth {
  customer: Stripe.Customer;
  paymentBehavior: PaymentBehavior;
  /** Every subscription of the customer, newest first, whatever the status. */
  subscriptions: Stripe.Subscription[];
  /** Every invoice of the customer, newest first. */
  invoices: Stripe.Invoice[];
}

export interface EngineOptions {
  baseUrl: () => string;
  now?: Date;
  afterFinalRetry: 'unpaid' | 'canceled';
  onEvent: (event: WireEvent) => void;
}

/** The state of one fake Stripe account; serializable for the optional state file. */
export interface FakeState {
  clockOffset: number;
  customers: [string, WireCustomer][];
  products: [string, WireProduct][];
  prices: [string, WirePrice][];
  subscriptions: [string, WireSubscription][];
  invoices: [string, WireInvoice][];
  checkoutSessions: [string, WireCheckoutSession][];
  portalConfigurations: [string, WirePortalConfiguration][];
  portalSessions: [string, WirePortalSession][];
  events: [string, WireEvent][];
  paymentBehavior: [string, PaymentBehavior][];
  checkoutExtras: [string, CheckoutExtras][];
  subscriptionExtras: [string, SubscriptionExtras][];
}

/**
 * The fake's model of a Stripe account: objects, a clock, events, and the billing lifecycle
 * (checkout → subscription → invoices → renewals, trials, dunning, cancellation). Everything is
 * synchronous so each API request or control runs atomically; the HTTP layer and the delivery
 * queue sit around it.
 */
export class FakeStripeEngine {
  readonly customers = new Map<string, WireCustomer>();
  readonly products = new Map<string, WireProduct>();
  readonly prices = new Map<string, WirePrice>();
  readonly subscriptions = new Map<string, WireSubscription>();
  readonly invoices = new Map<string, WireInvoice>();
  readonly checkoutSessions = new Map<string, WireCheckoutSession>();
  readonly portalConfigurations = new Map<string, WirePortalConfiguration>();
  readonly portalSessions = new Map<string, WirePortalSession>();
  readonly events = new Map<string, WireEvent>();
  readonly paymentBehavior = new Map<string, PaymentBehavior>();
  readonly checkoutExtras = new Map<string, CheckoutExtras>();
  readonly subscriptionExtras = new Map<string, SubscriptionExtras>();
  private clockOffset: number;
  /** The API request being handled, stamped on the events it causes (null for clock/controls). */
  request: { id: string; idempotencyKey: string | null } | null = null;

  constructor(private readonly options: EngineOptions) {
    this.clockOffset = options.now ? Math.floor(options.now.getTime() / 1000) - realNow() : 0;
  }

  /** Where the hosted pages live (the server's own URL). */
  baseUrl(): string {
    return this.options.baseUrl();
  }

  // ---- clock ---------------------------------------------------------------------------------

  /** The fake's "now" in Unix seconds: real time plus whatever advanceClock added. */
  now(): number {
    return realNow() + this.clockOffset;
  }

  private setNow(seconds: number): void {
    this.clockOffset = seconds - realNow();
  }

  /**
   * Moves the clock forward to `to`, running every transition that falls due on the way, in time
   * order, each at its own moment: trial_will_end 3 days ahead, trial ends, renewals, payment
   * retries, cancel_at_period_end, incomplete expiry, checkout expiry, pause_collection.resumes_at.
   */
  advanceClock(to: number): void {
    if (to < this.now())
      throw invalid(`The clock only moves forward (now ${this.now()}, asked ${to}).`, 'to');
    this.runDue(to, true);
    this.setNow(to);
  }

  /** Runs what is due by the current time (called before every request). */
  processDue(): void {
    this.runDue(this.now(), false);
  }

  private runDue(limit: number, moveClock: boolean): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const due = this.nextDue(limit);
      if (!due) return;
      if (moveClock && due.at > this.now()) this.setNow(due.at);
      due.run();
    }
    throw new Error('fake Stripe: the clock found an endless chain of due transitions');
  }

  private nextDue(limit: number): { at: number; run: () => void } | undefined {
    let best: { at: number; run: () => void } | undefined;
    const consider = (at: number, run: () => void) => {
      if (at <= limit && (!best || at < best.at)) best = { at, run };
    };
    for (const session of this.checkoutSessions.values()) {
      if (session.status === 'open') consider(session.expires_at, () => this.expireCheckout(session.id));
    }
    for (const sub of this.subscriptions.values()) {
      const end = periodEnd(sub);
      const extras = this.subExtras(sub.id);
      if (
        sub.status === 'trialing' &&
        sub.trial_end !== null &&
        extras.trialWillEndSentFor !== sub.trial_end
      ) {
        const trialEnd = sub.trial_end;
        consider(Math.max(trialEnd - TRIAL_WILL_END_BEFORE, sub.created), () => {
          extras.trialWillEndSentFor = trialEnd;
          this.emit('customer.subscription.trial_will_end', sub);
        });
      }
      if (sub.status === 'incomplete') {
        consider(sub.created + INCOMPLETE_EXPIRES_AFTER, () => this.expireIncomplete(sub));
      }
      if (['active', 'trialing', 'past_due', 'unpaid'].includes(sub.status)) {
        if (sub.cancel_at !== null && sub.cancel_at < end)
          consider(sub.cancel_at, () => this.endAtCancelAt(sub));
        else consider(end, () => this.endPeriod(sub));
      }
      const resumesAt = sub.pause_collection?.resumes_at;
      if (resumesAt) consider(resumesAt, () => this.changeSubscription(sub.id, { pauseCollection: null }));
    }
    for (const invoice of this.invoices.values()) {
      if (invoice.status === 'open' && invoice.next_payment_attempt !== null) {
        consider(invoice.next_payment_attempt, () => this.retryInvoice(invoice));
      }
    }
    return best;
  }

  // ---- storage, rendering, events --------------------------------------------------------------

  /** An object as the API returns it now (subscription items show their prices' current state). */
  render<T extends WireObject>(object: T): T {
    const copy = clone(object);
    if (copy.object === 'subscription') {
      for (const item of copy.items.data) {
        const price = this.prices.get(item.price.id);
        if (price) {
          item.price = clone(price);
          item.plan = planOf(price);
        }
      }
    }
    return copy;
  }

  find(id: string): WireObject | undefined {
    const stores: Map<string, WireObject>[] = [
      this.customers,
      this.products,
      this.prices,
      this.subscriptions,
      this.invoices,
      this.checkoutSessions,
      this.portalConfigurations,
      this.portalSessions,
    ];
    for (const store of stores) {
      const found = store.get(id);
      if (found) return found;
    }
    return undefined;
  }

  emit(type: Stripe.Event.Type, object: WireObject, previous?: WireObject): WireEvent {
    const snapshot = this.render(object);
    const event: WireEvent = {
      id: newId('evt', 24),
      object: 'event',
      api_version: API_VERSION,
      created: this.now(),
      data: { object: snapshot },
      livemode: false,
      pending_webhooks: 0,
      request: { id: this.request?.id ?? null, idempotency_key: this.request?.idempotencyKey ?? null },
      type,
    };
    if (previous) event.data.previous_attributes = changedAttributes(this.render(previous), snapshot);
    this.events.set(event.id, event);
    this.options.onEvent(event);
    return event;
  }

  customerOrThrow(id: string, param = 'id'): WireCustomer {
    const customer = this.customers.get(id);
    if (!customer) throw missing('customer', id, param);
    return customer;
  }

  priceOrThrow(id: string, param = 'id'): WirePrice {
    const price = this.prices.get(id);
    if (!price) throw missing('price', id, param);
    return price;
  }

  subscriptionOrThrow(id: string, param = 'id'): WireSubscription {
    const sub = this.subscriptions.get(id);
    if (!sub) throw missing('subscription', id, param);
    return sub;
  }

  invoiceOrThrow(id: string, param = 'id'): WireInvoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw missing('invoice', id, param);
    return invoice;
  }

  checkoutSessionOrThrow(id: string, param = 'session'): WireCheckoutSession {
    const session = this.checkoutSessions.get(id);
    if (!session) throw missing('checkout.session', id, param);
    return session;
  }

  private subExtras(id: string): SubscriptionExtras {
    let extras = this.subscriptionExtras.get(id);
    if (!extras) {
      extras = { trialWillEndSentFor: null, pendingLines: [] };
      this.subscriptionExtras.set(id, extras);
    }
    return extras;
  }

  behaviorOf(customerId: string): PaymentBehavior {
    return this.paymentBehavior.get(customerId) ?? 'succeeds';
  }

  productName(price: WirePrice): string {
    const productId = typeof price.product === 'string' ? price.product : price.product.id;
    return this.products.get(productId)?.name ?? productId;
  }

  // ---- customers ---------------------------------------------------------------------------

  createCustomer(input: Parameters<typeof buildCustomer>[0]): WireCustomer {
    const customer = buildCustomer(input);
    this.customers.set(customer.id, customer);
    this.emit('customer.created', customer);
    return customer;
  }

  // ---- checkout ----------------------------------------------------------------------------

  createCheckoutSession(input: {
    customer: string | null;
    customerEmail: string | null;
    clientReferenceId: string | null;
    successUrl: string;
    cancelUrl: string | null;
    expiresAt: number | null;
    metadata: Record<string, string>;
    allowPromotionCodes: boolean | null;
    lineItems: CheckoutLine[];
    subscriptionMetadata: Record<string, string>;
    trialPeriodDays: number | null;
    trialEnd: number | null;
    subscriptionDescription: string | null;
  }): WireCheckoutSession {
    const now = this.now();
    if (input.customer) this.customerOrThrow(input.customer, 'customer');
    if (input.lineItems.length === 0)
      throw invalid('line_items is required in subscription mode.', 'line_items');
    let currency: string | undefined;
    let interval: string | undefined;
    let amount = 0;
    input.lineItems.forEach((line, index) => {
      const price = this.priceOrThrow(line.price, `line_items[${index}][price]`);
      if (!price.active)
        throw invalid(`The price specified is inactive: ${price.id}.`, `line_items[${index}][price]`);
      if (!price.recurring) {
        throw invalid(
          'You must specify at least one recurring price in `subscription` mode.',
          `line_items[${index}][price]`,
        );
      }
      if (currency && price.currency !== currency)
        throw invalid('All prices must use the same currency.', `line_items[${index}][price]`);
      const thisInterval = `${price.recurring.interval_count}/${price.recurring.interval}`;
      if (interval && thisInterval !== interval) {
        throw invalid(
          'All recurring prices must have the same billing interval.',
          `line_items[${index}][price]`,
        );
      }
      currency = price.currency;
      interval = thisInterval;
      amount += (price.unit_amount ?? 0) * line.quantity;
    });
    if (input.expiresAt !== null && (input.expiresAt < now + 1800 || input.expiresAt > now + DAY)) {
      throw invalid(
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
        'expires_at',
      );
    }
    const session = buildCheckoutSession({
      created: now,
      expiresAt: input.expiresAt ?? now + DAY,
      customer: input.customer,
      customerEmail: input.customerEmail,
      clientReferenceId: input.clientReferenceId,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      currency: currency ?? 'usd',
      amountTotal: input.trialPeriodDays || input.trialEnd ? 0 : amount,
      metadata: input.metadata,
      allowPromotionCodes: input.allowPromotionCodes,
      baseUrl: this.options.baseUrl(),
    });
    this.checkoutSessions.set(session.id, session);
    this.checkoutExtras.set(session.id, {
      lineItems: input.lineItems,
      subscriptionMetadata: input.subscriptionMetadata,
      trialPeriodDays: input.trialPeriodDays,
      trialEnd: input.trialEnd,
      subscriptionDescription: input.subscriptionDescription,
    });
    return session;
  }

  checkoutLines(sessionId: string): CheckoutLine[] {
    return this.checkoutExtras.get(sessionId)?.lineItems ?? [];
  }

  /**
   * The customer pays on the hosted page. The card's behaviour becomes the customer's for later
   * renewals. `succeeds` → active (or trialing) and a paid first invoice; `fails` and
   * `requires_action` → the session still completes but the subscription is `incomplete` with an
   * open first invoice (payOpenInvoice activates it; 23 hours later it becomes incomplete_expired).
   */
  completeCheckout(
    sessionId: string,
    paymentMethod?: PaymentBehavior,
  ): { subscription: WireSubscription; invoice: WireInvoice } {
    const session = this.checkoutSessionOrThrow(sessionId);
    if (session.status !== 'open')
      throw invalid(`Checkout Session ${sessionId} is ${session.status}, not open.`, 'session');
    const extras = this.checkoutExtras.get(sessionId)!;
    const now = this.now();
    const customer =
      typeof session.customer === 'string'
        ? this.customerOrThrow(session.customer, 'customer')
        : this.createCustomer({
            created: now,
            email: session.customer_email,
            name: null,
            description: null,
            phone: null,
            metadata: {},
            preferredLocales: [],
          });
    if (paymentMethod) this.paymentBehavior.set(customer.id, paymentMethod);
    const behavior = this.behaviorOf(customer.id);
    const trialEnd = extras.trialEnd ?? (extras.trialPeriodDays ? now + extras.trialPeriodDays * DAY : null);
    const prices = extras.lineItems.map((line) => this.priceOrThrow(line.price));
    const firstPrice = prices[0]!;
    const end = trialEnd ?? addInterval(now, firstPrice.recurring!);
    const subscriptionId = newId('sub', 24);
    const items = extras.lineItems.map((line, index) =>
      buildSubscriptionItem({
        subscription: subscriptionId,
        price: prices[index]!,
        quantity: line.quantity,
        created: now,
        periodStart: now,
        periodEnd: end,
      }),
    );
    const sub = buildSubscription({
      id: subscriptionId,
      customer: customer.id,
      created: now,
      currency: firstPrice.currency,
      status: trialEnd ? 'trialing' : 'incomplete',
      items,
      metadata: extras.subscriptionMetadata,
      trialStart: trialEnd ? now : null,
      trialEnd,
      description: extras.subscriptionDescription,
    });
    this.subscriptions.set(sub.id, sub);
    this.subExtras(sub.id);
    this.emit('customer.subscription.created', sub);

    const lines = items.map((item) => this.fullLine(item, now, end, trialEnd !== null));
    const invoice = this.createInvoice(sub, 'subscription_create', lines, now, now);
    let paymentStatus: WireCheckoutSession['payment_status'] = 'no_payment_required';
    if (invoice.status !== 'paid') {
      const before = clone(sub);
      const outcome = this.charge(invoice, behavior, { retry: false });
      if (outcome === 'paid') {
        sub.status = 'active';
        this.emit('customer.subscription.updated', sub, before);
        paymentStatus = 'paid';
      } else {
        paymentStatus = 'unpaid';
      }
    }
    Object.assign(session, {
      status: 'complete',
      payment_status: paymentStatus,
      customer: customer.id,
      subscription: sub.id,
      invoice: invoice.id,
      url: null,
      customer_details: {
        address: null,
        business_name: null,
        email: customer.email,
        individual_name: null,
        name: customer.name ?? null,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      },
    } satisfies Partial<WireCheckoutSession>);
    this.emit('checkout.session.completed', session);
    return { subscription: sub, invoice };
  }

  expireCheckout(sessionId: string): WireCheckoutSession {
    const session = this.checkoutSessionOrThrow(sessionId);
    if (session.status !== 'open') {
      throw invalid(
        `Only Checkout Sessions with a status of \`open\` can be expired (this one is ${session.status}).`,
        'session',
      );
    }
    session.status = 'expired';
    session.url = null;
    this.emit('checkout.session.expired', session);
    return session;
  }

  // ---- invoices ----------------------------------------------------------------------------

  private fullLine(item: WireSubscriptionItem, start: number, end: number, trial: boolean): InvoiceLineInput {
    const price = this.prices.get(item.price.id) ?? item.price;
    const quantity = item.quantity ?? 1;
    return {
      price,
      productName: this.productName(price),
      quantity,
      amount: trial ? 0 : (price.unit_amount ?? 0) * quantity,
      periodStart: start,
      periodEnd: end,
      subscriptionItem: item.id,
      proration: false,
      description: trial ? `Trial period for ${this.productName(price)}` : undefined,
    };
  }

  /** Draft → finalized (open), or straight to paid when nothing is due; becomes latest_invoice. */
  private createInvoice(
    sub: WireSubscription,
    reason: NonNullable<WireInvoice['billing_reason']>,
    lines: InvoiceLineInput[],
    periodStart: number,
    periodEndAt: number,
    options: { finalize?: boolean } = {},
  ): WireInvoice {
    const customer = this.customerOrThrow(sub.customer as string);
    const id = newId('in', 24);
    const invoice = buildInvoice({
      id,
      created: this.now(),
      customer,
      subscription: sub,
      billingReason: reason,
      currency: sub.currency,
      lines,
      periodStart,
      periodEnd: periodEndAt,
    });
    this.invoices.set(id, invoice);
    sub.latest_invoice = id;
    this.emit('invoice.created', invoice);
    if (options.finalize === false) return invoice;
    this.finalize(invoice, customer);
    if (invoice.amount_due <= 0) this.markPaid(invoice);
    return invoice;
  }

  private finalize(invoice: WireInvoice, customer: WireCustomer): void {
    const now = this.now();
    // Like Stripe, a number is taken from the customer's sequence only when the draft is finalized.
    const sequence = customer.next_invoice_sequence ?? 1;
    customer.next_invoice_sequence = sequence + 1;
    invoice.status = 'open';
    invoice.number = `${customer.invoice_prefix}-${String(sequence).padStart(4, '0')}`;
    invoice.effective_at = now;
    invoice.status_transitions.finalized_at = now;
    invoice.hosted_invoice_url = `${this.options.baseUrl()}/invoices/${invoice.id}`;
    invoice.auto_advance = invoice.amount_due > 0;
    this.emit('invoice.finalized', invoice);
  }

  private markPaid(invoice: WireInvoice): void {
    invoice.status = 'paid';
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.ending_balance = 0;
    invoice.next_payment_attempt = null;
    invoice.auto_advance = false;
    invoice.status_transitions.paid_at = this.now();
    this.emit('invoice.paid', invoice);
    this.emit('invoice.payment_succeeded', invoice);
  }

  /** One charge attempt with the given card behaviour; schedules the next retry when allowed. */
  private charge(
    invoice: WireInvoice,
    behavior: PaymentBehavior,
    options: { retry: boolean },
  ): 'paid' | 'failed' {
    invoice.attempt_count += 1;
    invoice.attempted = true;
    if (behavior === 'succeeds') {
      this.markPaid(invoice);
      return 'paid';
    }
    const delay = RETRY_DELAYS_DAYS[invoice.attempt_count - 1];
    invoice.next_payment_attempt = options.retry && delay !== undefined ? this.now() + delay * DAY : null;
    if (behavior === 'requires_action') this.emit('invoice.payment_action_required', invoice);
    else this.emit('invoice.payment_failed', invoice);
    return 'failed';
  }

  private subscriptionOf(invoice: WireInvoice): WireSubscription | undefined {
    const subscription = invoice.parent?.subscription_details?.subscription;
    const id = typeof subscription === 'string' ? subscription : subscription?.id;
    return id ? this.subscriptions.get(id) : undefined;
  }

  private retryInvoice(invoice: WireInvoice): void {
    const sub = this.subscriptionOf(invoice);
    const customerId = invoice.customer as string;
    const outcome = this.charge(invoice, this.behaviorOf(customerId), { retry: true });
    if (!sub) return;
    if (outcome === 'paid') this.reactivate(sub, invoice);
    else if (invoice.next_payment_attempt === null && sub.latest_invoice === invoice.id) {
      this.afterFinalFailure(sub, invoice, this.options.afterFinalRetry, true);
    }
  }

  /** A paid latest invoice brings an incomplete / past_due / unpaid subscription back to active. */
  private reactivate(sub: WireSubscription, invoice: WireInvoice): void {
    if (sub.latest_invoice !== invoice.id) return;
    if (!['incomplete', 'past_due', 'unpaid'].includes(sub.status)) return;
    const before = clone(sub);
    sub.status = 'active';
    this.emit('customer.subscription.updated', sub, before);
  }

  private afterFinalFailure(
    sub: WireSubscription,
    invoice: WireInvoice,
    then: 'unpaid' | 'canceled',
    markUncollectible: boolean,
  ): void {
    if (markUncollectible && invoice.status === 'open') {
      invoice.status = 'uncollectible';
      invoice.next_payment_attempt = null;
      invoice.status_transitions.marked_uncollectible_at = this.now();
      this.emit('invoice.marked_uncollectible', invoice);
    }
    // Only a live subscription moves; one canceled or already unpaid meanwhile stays as it is.
    if (!['active', 'past_due', 'trialing', 'incomplete'].includes(sub.status)) return;
    const before = clone(sub);
    if (then === 'unpaid') {
      sub.status = 'unpaid';
      this.emit('customer.subscription.updated', sub, before);
    } else {
      this.cancelNow(sub, 'payment_failed');
    }
  }

  /** Pays an open (or uncollectible) invoice, as the hosted invoice page does with a new card. */
  payInvoice(invoiceId: string, behavior: PaymentBehavior = 'succeeds'): WireInvoice {
    const invoice = this.invoiceOrThrow(invoiceId);
    if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
      throw invalid(
        `Invoice ${invoiceId} is ${invoice.status ?? 'unknown'}; only open or uncollectible invoices can be paid.`,
        'invoice',
        'invoice_not_open',
      );
    }
    const outcome = this.charge(invoice, behavior, { retry: false });
    if (outcome === 'failed') {
      throw new FakeStripeError(
        402,
        'card_error',
        'Your card was declined.',
        behavior === 'requires_action' ? 'authentication_required' : 'card_declined',
      );
    }
    const sub = this.subscriptionOf(invoice);
    if (sub) this.reactivate(sub, invoice);
    return invoice;
  }

  voidInvoice(invoiceId: string): WireInvoice {
    const invoice = this.invoiceOrThrow(invoiceId);
    if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
      throw invalid(
        `You can only void open or uncollectible invoices (this one is ${invoice.status ?? 'unknown'}).`,
        'invoice',
      );
    }
    invoice.status = 'void';
    invoice.next_payment_attempt = null;
    invoice.auto_advance = false;
    invoice.status_transitions.voided_at = this.now();
    this.emit('invoice.voided', invoice);
    return invoice;
  }

  markUncollectible(invoiceId: string): WireInvoice {
    const invoice = this.invoiceOrThrow(invoiceId);
    if (invoice.status !== 'open')
      throw invalid('You can only mark open invoices as uncollectible.', 'invoice');
    invoice.status = 'uncollectible';
    invoice.next_payment_attempt = null;
    invoice.status_transitions.marked_uncollectible_at = this.now();
    this.emit('invoice.marked_uncollectible', invoice);
    return invoice;
  }

  // ---- subscription lifecycle --------------------------------------------------------------

  /**
   * The end of a billing period: cancel_at_period_end ends the subscription; otherwise the items
   * move to the next period, a trial becomes paid, and a renewal invoice is charged with the
   * customer's card (or `outcome`). Unpaid subscriptions roll forward without invoices.
   */
  endPeriod(sub: WireSubscription, outcome?: 'paid' | 'failed'): void {
    const end = periodEnd(sub);
    if (sub.cancel_at !== null && sub.cancel_at <= end) {
      this.endAtCancelAt(sub);
      return;
    }
    if (!['active', 'trialing', 'past_due', 'unpaid'].includes(sub.status)) return;
    const before = clone(sub);
    const start = periodStart(sub);
    const firstItem = sub.items.data[0]!;
    const price = this.prices.get(firstItem.price.id) ?? firstItem.price;
    const nextEnd = addInterval(end, price.recurring!);
    for (const item of sub.items.data) {
      item.current_period_start = end;
      item.current_period_end = nextEnd;
    }
    const wasTrial = sub.status === 'trialing';
    if (wasTrial) sub.status = 'active';
    if (sub.status === 'unpaid') {
      this.emit('customer.subscription.updated', sub, before);
      return;
    }
    const extras = this.subExtras(sub.id);
    const lines = [
      ...extras.pendingLines,
      ...sub.items.data.map((item) => this.fullLine(item, end, nextEnd, false)),
    ];
    extras.pendingLines = [];
    const pause = sub.pause_collection;
    const invoice = this.createInvoice(sub, 'subscription_cycle', lines, start, end, { finalize: !pause });
    this.emit('customer.subscription.updated', sub, before);
    if (pause) {
      if (pause.behavior === 'keep_as_draft') return;
      this.finalize(invoice, this.customerOrThrow(sub.customer as string));
      if (pause.behavior === 'void') this.voidInvoice(invoice.id);
      else this.markUncollectible(invoice.id);
      return;
    }
    if (invoice.status === 'paid') return;
    const behavior: PaymentBehavior =
      outcome === 'paid'
        ? 'succeeds'
        : outcome === 'failed'
          ? 'fails'
          : this.behaviorOf(sub.customer as string);
    const result = this.charge(invoice, behavior, { retry: true });
    if (result === 'paid') {
      this.reactivate(sub, invoice);
      return;
    }
    if (sub.status !== 'past_due') {
      const beforeFailure = clone(sub);
      sub.status = 'past_due';
      this.emit('customer.subscription.updated', sub, beforeFailure);
    }
  }

  private endAtCancelAt(sub: WireSubscription): void {
    const at = sub.cancel_at ?? this.now();
    const before = clone(sub);
    sub.status = 'canceled';
    sub.ended_at = at;
    sub.canceled_at = sub.canceled_at ?? at;
    if (sub.trial_end !== null && sub.trial_end > at) sub.trial_end = at;
    this.emit('customer.subscription.deleted', sub, before);
  }

  private expireIncomplete(sub: WireSubscription): void {
    const before = clone(sub);
    sub.status = 'incomplete_expired';
    sub.ended_at = this.now();
    const invoice =
      typeof sub.latest_invoice === 'string' ? this.invoices.get(sub.latest_invoice) : undefined;
    if (invoice && invoice.status === 'open') this.voidInvoice(invoice.id);
    this.emit('customer.subscription.updated', sub, before);
  }

  cancelNow(
    sub: WireSubscription,
    reason: 'cancellation_requested' | 'payment_failed',
    details?: SubscriptionChange['cancellationDetails'],
  ): WireSubscription {
    if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
      throw invalid(`Subscription ${sub.id} is already ${sub.status}.`, 'subscription');
    }
    const before = clone(sub);
    const now = this.now();
    sub.status = 'canceled';
    sub.canceled_at = now;
    sub.ended_at = now;
    sub.cancel_at_period_end = false;
    sub.cancellation_details = {
      comment: details?.comment ?? sub.cancellation_details?.comment ?? null,
      feedback: (details?.feedback ??
        sub.cancellation_details?.feedback ??
        null) as Stripe.Subscription.CancellationDetails.Feedback | null,
      feedback_option: null,
      reason,
    };
    if (sub.trial_end !== null && sub.trial_end > now) sub.trial_end = now;
    this.emit('customer.subscription.deleted', sub, before);
    return sub;
  }

  /** `subscriptions.update` (and the portal's actions). */
  changeSubscription(id: string, change: SubscriptionChange): WireSubscription {
    // Work on a copy so a validation error halfway leaves the stored subscription untouched.
    const before = this.subscriptionOrThrow(id);
    const sub = clone(before);
    const terminal = sub.status === 'canceled' || sub.status === 'incomplete_expired';
    const onlyNotes = Object.keys(change).every(
      (key) => key === 'metadata' || key === 'cancellationDetails' || key === 'prorationBehavior',
    );
    if (terminal && !onlyNotes) {
      throw invalid(
        'A canceled subscription can only update its cancellation_details and metadata.',
        'subscription',
      );
    }
    const now = this.now();
    const invoiceLines: InvoiceLineInput[] = [];
    const pendingLines: InvoiceLineInput[] = [];
    if (change.trialEnd !== undefined) {
      if (sub.status !== 'trialing')
        throw invalid('trial_end can only be changed while the subscription is trialing.', 'trial_end');
      if (change.trialEnd !== 'now' && change.trialEnd <= now)
        throw invalid('trial_end must be in the future (or `now`).', 'trial_end');
    }

    if (change.metadata) sub.metadata = change.metadata(sub.metadata);
    if (change.description !== undefined) sub.description = change.description;
    if (change.cancellationDetails) {
      sub.cancellation_details = {
        comment: change.cancellationDetails.comment ?? null,
        feedback: (change.cancellationDetails.feedback ??
          null) as Stripe.Subscription.CancellationDetails.Feedback | null,
        feedback_option: null,
        reason: sub.cancellation_details?.reason ?? null,
      };
    }
    if (change.cancelAtPeriodEnd !== undefined || change.cancelAt !== undefined) {
      const end = periodEnd(sub);
      const cancelAt =
        change.cancelAtPeriodEnd === undefined ? change.cancelAt! : change.cancelAtPeriodEnd ? end : null;
      if (cancelAt !== null && cancelAt < now) throw invalid('cancel_at must be in the future.', 'cancel_at');
      sub.cancel_at = cancelAt;
      sub.cancel_at_period_end = cancelAt !== null && cancelAt === end;
      sub.canceled_at = cancelAt === null ? null : now;
      sub.cancellation_details = {
        comment: sub.cancellation_details?.comment ?? null,
        feedback: sub.cancellation_details?.feedback ?? null,
        feedback_option: null,
        reason: cancelAt === null ? null : 'cancellation_requested',
      };
    }
    if (change.pauseCollection !== undefined) {
      sub.pause_collection = change.pauseCollection
        ? { behavior: change.pauseCollection.behavior, resumes_at: change.pauseCollection.resumesAt }
        : null;
    }
    let resetCycle = false;
    if (change.items) {
      const oldAmount = periodAmount(sub, this.prices);
      const oldInterval = intervalKey(sub, this.prices);
      change.items.forEach((itemChange, index) => this.applyItemChange(sub, itemChange, index, now));
      const newAmount = periodAmount(sub, this.prices);
      resetCycle = intervalKey(sub, this.prices) !== oldInterval && sub.status !== 'trialing';
      const proration = change.prorationBehavior ?? 'create_prorations';
      if (resetCycle) {
        const firstPrice = this.priceOrThrow(sub.items.data[0]!.price.id);
        const nextEnd = addInterval(now, firstPrice.recurring!);
        const credit = proration === 'none' ? 0 : Math.round(oldAmount * remainingFraction(sub, now));
        for (const item of sub.items.data) {
          item.current_period_start = now;
          item.current_period_end = nextEnd;
        }
        sub.billing_cycle_anchor = now;
        if (sub.cancel_at_period_end) sub.cancel_at = nextEnd;
        invoiceLines.push(...sub.items.data.map((item) => this.fullLine(item, now, nextEnd, false)));
        if (credit > 0)
          invoiceLines.push(this.prorationLine(sub, -credit, 'Unused time on previous plan', now));
      } else if (proration !== 'none' && sub.status !== 'trialing' && newAmount !== oldAmount) {
        const fraction = remainingFraction(sub, now);
        const lines = [
          this.prorationLine(sub, -Math.round(oldAmount * fraction), 'Unused time on previous plan', now),
          this.prorationLine(sub, Math.round(newAmount * fraction), 'Remaining time on new plan', now),
        ];
        if (proration === 'always_invoice') invoiceLines.push(...lines);
        else pendingLines.push(...lines);
      }
    }
    const endTrialNow = change.trialEnd === 'now';
    if (change.trialEnd !== undefined && change.trialEnd !== 'now') {
      sub.trial_end = change.trialEnd;
      for (const item of sub.items.data) item.current_period_end = change.trialEnd;
    }
    this.subscriptions.set(sub.id, sub);
    this.subExtras(sub.id).pendingLines.push(...pendingLines);
    if (!endTrialNow && JSON.stringify(this.render(before)) !== JSON.stringify(this.render(sub))) {
      this.emit('customer.subscription.updated', sub, before);
    }
    if (invoiceLines.length > 0 && ['active', 'past_due'].includes(sub.status)) {
      const invoice = this.createInvoice(sub, 'subscription_update', invoiceLines, now, now);
      if (invoice.status === 'open') {
        const result = this.charge(invoice, this.behaviorOf(sub.customer as string), { retry: true });
        if (result === 'paid') this.reactivate(sub, invoice);
      }
    }
    if (endTrialNow) {
      sub.trial_end = now;
      for (const item of sub.items.data) item.current_period_end = now;
      this.endPeriod(sub);
    }
    return sub;
  }

  private prorationLine(
    sub: WireSubscription,
    amount: number,
    description: string,
    now: number,
  ): InvoiceLineInput {
    const item = sub.items.data[0]!;
    const price = this.prices.get(item.price.id) ?? item.price;
    return {
      price,
      productName: this.productName(price),
      quantity: item.quantity ?? 1,
      amount,
      periodStart: now,
      periodEnd: periodEnd(sub),
      subscriptionItem: item.id,
      proration: true,
      description,
    };
  }

  private applyItemChange(sub: WireSubscription, change: ItemChange, index: number, now: number): void {
    const param = `items[${index}]`;
    if (change.quantity !== undefined && change.quantity < 1 && !change.deleted) {
      throw invalid('Quantity must be at least 1.', `${param}[quantity]`);
    }
    const newPrice = change.price ? this.priceOrThrow(change.price, `${param}[price]`) : undefined;
    if (newPrice) {
      if (!newPrice.recurring) throw invalid('The price specified is not recurring.', `${param}[price]`);
      if (!newPrice.active)
        throw invalid(`The price specified is inactive: ${newPrice.id}.`, `${param}[price]`);
      if (newPrice.currency !== sub.currency)
        throw invalid('The price currency must match the subscription currency.', `${param}[price]`);
      const duplicate = sub.items.data.some((item) => item.price.id === newPrice.id && item.id !== change.id);
      if (duplicate) {
        throw invalid('Cannot add multiple subscription items with the same price.', `${param}[price]`);
      }
    }
    if (change.id) {
      const item = sub.items.data.find((candidate) => candidate.id === change.id);
      if (!item) throw missing('subscription item', change.id, `${param}[id]`);
      if (change.deleted) {
        if (sub.items.data.length === 1)
          throw invalid('A subscription must keep at least one item.', `${param}[deleted]`);
        sub.items.data = sub.items.data.filter((candidate) => candidate !== item);
        return;
      }
      if (newPrice) {
        item.price = clone(newPrice);
        item.plan = planOf(newPrice);
      }
      if (change.quantity !== undefined) item.quantity = change.quantity;
      return;
    }
    if (!newPrice) throw invalid('A new subscription item needs a price.', `${param}[price]`);
    const first = sub.items.data[0]!;
    sub.items.data.push(
      buildSubscriptionItem({
        subscription: sub.id,
        price: newPrice,
        quantity: change.quantity ?? 1,
        created: now,
        periodStart: first.current_period_start,
        periodEnd: first.current_period_end,
      }),
    );
  }

  /** Pauses a subscription (status `paused`, as after a trial without a payment method). */
  pause(id: string): WireSubscription {
    const sub = this.subscriptionOrThrow(id);
    if (!['active', 'trialing', 'past_due'].includes(sub.status))
      throw invalid(`Cannot pause a ${sub.status} subscription.`, 'subscription');
    const before = clone(sub);
    sub.status = 'paused';
    this.emit('customer.subscription.updated', sub, before);
    this.emit('customer.subscription.paused', sub, before);
    return sub;
  }

  /** `subscriptions.resume`: a paused subscription starts a new period now with a new invoice. */
  resume(id: string, behavior?: PaymentBehavior): WireSubscription {
    const sub = this.subscriptionOrThrow(id);
    if (sub.status !== 'paused')
      throw invalid('Only a paused subscription can be resumed.', 'subscription', 'subscription_not_paused');
    const before = clone(sub);
    const now = this.now();
    const firstPrice = this.priceOrThrow(sub.items.data[0]!.price.id);
    const nextEnd = addInterval(now, firstPrice.recurring!);
    for (const item of sub.items.data) {
      item.current_period_start = now;
      item.current_period_end = nextEnd;
    }
    sub.billing_cycle_anchor = now;
    sub.status = 'active';
    const lines = sub.items.data.map((item) => this.fullLine(item, now, nextEnd, false));
    const invoice = this.createInvoice(sub, 'subscription_cycle', lines, now, now);
    this.emit('customer.subscription.resumed', sub, before);
    this.emit('customer.subscription.updated', sub, before);
    if (invoice.status === 'open') {
      const result = this.charge(invoice, behavior ?? this.behaviorOf(sub.customer as string), {
        retry: true,
      });
      if (result === 'failed') {
        const beforeFailure = clone(sub);
        sub.status = 'past_due';
        this.emit('customer.subscription.updated', sub, beforeFailure);
      }
    }
    return sub;
  }

  /** Renews one subscription now (its period ends at this moment), paid or failed. */
  renew(id: string, outcome?: 'paid' | 'failed'): WireSubscription {
    const sub = this.subscriptionOrThrow(id);
    if (!['active', 'trialing', 'past_due', 'unpaid'].includes(sub.status)) {
      throw invalid(`Cannot renew a ${sub.status} subscription.`, 'subscription');
    }
    const now = this.now();
    if (sub.trial_end !== null && sub.trial_end > now) sub.trial_end = now;
    if (sub.cancel_at !== null && sub.cancel_at_period_end) sub.cancel_at = now;
    for (const item of sub.items.data) item.current_period_end = now;
    this.endPeriod(sub, outcome);
    return sub;
  }

  /** Every retry of the latest open invoice fails: the subscription becomes unpaid or canceled. */
  exhaustRetries(id: string, then: 'unpaid' | 'canceled', markUncollectible = true): WireSubscription {
    const sub = this.subscriptionOrThrow(id);
    const invoice =
      typeof sub.latest_invoice === 'string' ? this.invoices.get(sub.latest_invoice) : undefined;
    if (!invoice || invoice.status !== 'open') {
      throw invalid(
        `Subscription ${id} has no open latest invoice to give up on (renew it with outcome 'failed' first).`,
        'subscription',
      );
    }
    invoice.attempt_count = Math.max(invoice.attempt_count, MAX_PAYMENT_ATTEMPTS - 1) + 1;
    invoice.attempted = true;
    invoice.next_payment_attempt = null;
    this.emit('invoice.payment_failed', invoice);
    this.afterFinalFailure(sub, invoice, then, markUncollectible);
    return sub;
  }

  truth(customerId: string): Truth {
    const customer = this.customerOrThrow(customerId);
    const subscriptions = [...this.subscriptions.values()]
      .filter((sub) => sub.customer === customerId)
      .reverse();
    const invoices = [...this.invoices.values()]
      .filter((invoice) => invoice.customer === customerId)
      .reverse();
    return {
      customer: this.render(customer) as unknown as Stripe.Customer,
      paymentBehavior: this.behaviorOf(customerId),
      subscriptions: subscriptions.map((sub) => this.render(sub)) as unknown as Stripe.Subscription[],
      invoices: invoices.map((invoice) => this.render(invoice)) as unknown as Stripe.Invoice[],
    };
  }

  // ---- persistence -------------------------------------------------------------------------

  snapshot(): FakeState {
    return {
      clockOffset: this.clockOffset,
      customers: [...this.customers],
      products: [...this.products],
      prices: [...this.prices],
      subscriptions: [...this.subscriptions],
      invoices: [...this.invoices],
      checkoutSessions: [...this.checkoutSessions],
      portalConfigurations: [...this.portalConfigurations],
      portalSessions: [...this.portalSessions],
      events: [...this.events],
      paymentBehavior: [...this.paymentBehavior],
      checkoutExtras: [...this.checkoutExtras],
      subscriptionExtras: [...this.subscriptionExtras],
    };
  }

  restore(state: FakeState): void {
    this.clockOffset = Math.max(this.clockOffset, state.clockOffset);
    const fill = <V>(map: Map<string, V>, entries: [string, V][]) => {
      map.clear();
      for (const [key, value] of entries) map.set(key, value);
    };
    fill(this.customers, state.customers);
    fill(this.products, state.products);
    fill(this.prices, state.prices);
    fill(this.subscriptions, state.subscriptions);
    fill(this.invoices, state.invoices);
    fill(this.checkoutSessions, state.checkoutSessions);
    fill(this.portalConfigurations, state.portalConfigurations);
    fill(this.portalSessions, state.portalSessions);
    fill(this.events, state.events);
    fill(this.paymentBehavior, state.paymentBehavior);
    fill(this.checkoutExtras, state.checkoutExtras);
    fill(this.subscriptionExtras, state.subscriptionExtras);
  }
}

function realNow(): number {
  return Math.floor(Date.now() / 1000);
}

export function periodEnd(sub: WireSubscription): number {
  return Math.min(...sub.items.data.map((item) => item.current_period_end));
}

function periodStart(sub: WireSubscription): number {
  return Math.max(...sub.items.data.map((item) => item.current_period_start));
}

function remainingFraction(sub: WireSubscription, now: number): number {
  const start = periodStart(sub);
  const end = periodEnd(sub);
  return end > start ? Math.max(0, Math.min(1, (end - now) / (end - start))) : 0;
}

function periodAmount(sub: WireSubscription, prices: Map<string, WirePrice>): number {
  return sub.items.data.reduce((sum, item) => {
    const price = prices.get(item.price.id) ?? item.price;
    return sum + (price.unit_amount ?? 0) * (item.quantity ?? 1);
  }, 0);
}

function intervalKey(sub: WireSubscription, prices: Map<string, WirePrice>): string {
  const item = sub.items.data[0]!;
  const recurring = (prices.get(item.price.id) ?? item.price).recurring;
  return `${recurring?.interval_count}/${recurring?.interval}`;
}

/** Calendar arithmetic like Stripe's: a month from Jan 31 is Feb 28/29 (clamped to the month's end). */
export function addInterval(from: number, recurring: { interval: string; interval_count: number }): number {
  const count = recurring.interval_count;
  if (recurring.interval === 'day') return from + count * DAY;
  if (recurring.interval === 'week') return from + count * 7 * DAY;
  const date = new Date(from * 1000);
  const months = recurring.interval === 'year' ? 12 * count : count;
  const day = date.getUTCDate();
  const target = new Date(date);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return Math.floor(target.getTime() / 1000);
}

/** previous_attributes: the old value of every top-level field that changed. */
function changedAttributes(before: WireObject, after: WireObject): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  const beforeRecord = before as unknown as Record<string, unknown>;
  const afterRecord = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(afterRecord)) {
    if (JSON.stringify(beforeRecord[key]) !== JSON.stringify(afterRecord[key]))
      changed[key] = beforeRecord[key] ?? null;
  }
  return changed;
}
