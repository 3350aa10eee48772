import type Stripe from 'stripe';
import type { WireEvent } from './wire';

export type DeliveryMode = 'auto' | 'manual';

export interface DeliverOptions {
  /** Order of the flushed batch. Default 'fifo'. */
  order?: 'fifo' | 'reverse' | 'shuffle';
  /** Probability (0..1) that an event is sent twice. */
  duplicateRate?: number;
  /** Probability (0..1) that an event is never sent (removed from the queue). */
  dropRate?: number;
  /** How many deliveries are in flight at once. Default 1. */
  parallelism?: number;
  /** PRNG seed for order/duplicates/drops; the result reports the one used. */
  seed?: number;
  /** Attempts per delivery before it counts as failed (and goes back to the queue). Default 1. */
  attempts?: number;
}

export interface DeliveryFailure {
  eventId: string;
  type: string;
  /** The endpoint's HTTP status, or undefined when the request itself failed. */
  status?: number;
  error?: string;
}

export interface DeliverResult {
  /** Deliveries answered with 2xx (a duplicate counts twice). */
  delivered: number;
  dropped: number;
  duplicated: number;
  /** Deliveries that never got a 2xx; their events are back in the queue. */
  failures: number;
  failed: DeliveryFailure[];
  seed: number;
  /** Event ids in the order they were sent (duplicates included, drops excluded). */
  sent: string[];
}

/** mulberry32: small, fast, seedable, so a failing chaos run replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AUTO_RETRY_DELAYS_MS = [25, 100, 250];

/**
 * Sends events to one webhook endpoint, signed with the SDK's own test signer. In `auto` mode
 * every event goes out right after the change that caused it, one at a time in order, retried a
 * few times; what still fails is queued for `deliver()`. In `manual` mode everything queues until
 * `deliver()` flushes it with the requested chaos.
 */
export class WebhookDelivery {
  private endpoint: { url: string; secret: string } | undefined;
  private readonly queue: WireEvent[] = [];
  private pump: Promise<void> = Promise.resolve();
  private readonly autoFailures: DeliveryFailure[] = [];

  constructor(
    private readonly stripe: Stripe,
    public mode: DeliveryMode,
    private readonly defaultSecret: string,
  ) {}

  setEndpoint(url: string | null, secret = this.defaultSecret): void {
    this.endpoint = url ? { url, secret } : undefined;
  }

  get endpointUrl(): string | undefined {
    return this.endpoint?.url;
  }

  /** Events wait in the queue (manual mode, or auto deliveries that kept failing). */
  get pending(): readonly WireEvent[] {
    return this.queue;
  }

  /** Auto-mode deliveries that failed every retry since the last call (then cleared). */
  takeAutoFailures(): DeliveryFailure[] {
    return this.autoFailures.splice(0);
  }

  /** Called for every new event: Stripe sends only to endpoints that exist when it happens. */
  enqueue(event: WireEvent): void {
    if (!this.endpoint) return;
    event.pending_webhooks = 1;
    if (this.mode === 'manual') {
      this.queue.push(event);
      return;
    }
    const endpoint = this.endpoint;
    this.pump = this.pump.then(async () => {
      let failure: DeliveryFailure | undefined;
      for (let attempt = 0; attempt <= AUTO_RETRY_DELAYS_MS.length; attempt++) {
        failure = await this.send(event, endpoint);
        if (!failure) return;
        const delay = AUTO_RETRY_DELAYS_MS[attempt];
        if (delay !== undefined) await sleep(delay);
      }
      this.autoFailures.push(failure!);
      this.queue.push(event);
    });
  }

  /** Resolves when every auto delivery started so far has finished. */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.pump;
      await current;
    } while (current !== this.pump);
  }

  async deliver(options: DeliverOptions = {}): Promise<DeliverResult> {
    await this.idle();
    const endpoint = this.endpoint;
    if (!endpoint) throw new Error('fake Stripe: deliver() needs a webhook endpoint (setWebhookEndpoint)');
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    const random = seededRandom(seed);
    const batch = this.queue.splice(0);
    const plan: WireEvent[] = [];
    let dropped = 0;
    let duplicated = 0;
    for (const event of batch) {
      if (options.dropRate && random() < options.dropRate) {
        dropped += 1;
        event.pending_webhooks = 0;
        continue;
      }
      plan.push(event);
      if (options.duplicateRate && random() < options.duplicateRate) {
        plan.push(event);
        duplicated += 1;
      }
    }
    if (options.order === 'reverse') plan.reverse();
    if (options.order === 'shuffle') {
      for (let i = plan.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [plan[i], plan[j]] = [plan[j]!, plan[i]!];
      }
    }
    const attempts = Math.max(1, options.attempts ?? 1);
    const failed: DeliveryFailure[] = [];
    const requeue = new Set<WireEvent>();
    let delivered = 0;
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const event = plan[next++]!;
        let failure: DeliveryFailure | undefined;
        for (let attempt = 0; attempt < attempts; attempt++) {
          failure = await this.send(event, endpoint);
          if (!failure) break;
        }
        if (failure) {
          failed.push(failure);
          requeue.add(event);
        } else delivered += 1;
      }
    };
    const parallelism = Math.max(1, options.parallelism ?? 1);
    await Promise.all(Array.from({ length: Math.min(parallelism, Math.max(plan.length, 1)) }, worker));
    // Failed events go back in creation order, ahead of anything that arrived meanwhile.
    this.queue.unshift(...batch.filter((event) => requeue.has(event)));
    return {
      delivered,
      dropped,
      duplicated,
      failures: failed.length,
      failed,
      seed,
      sent: plan.map((event) => event.id),
    };
  }

  /** Signs a payload like Stripe does (`t=…,v1=…`), with the endpoint's secret by default. */
  sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
    return this.stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? this.endpoint?.secret ?? this.defaultSecret,
      timestamp: options.timestamp,
    });
  }

  private async send(
    event: WireEvent,
    endpoint: { url: string; secret: string },
  ): Promise<DeliveryFailure | undefined> {
    const payload = JSON.stringify(event, null, 2);
    // Real time, not the fake clock: the receiver checks the timestamp against its own clock.
    const signature = this.sign(payload, {
      secret: endpoint.secret,
      timestamp: Math.floor(Date.now() / 1000),
    });
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
      });
      await response.arrayBuffer();
      if (response.status >= 200 && response.status < 300) {
        event.pending_webhooks = 0;
        return undefined;
      }
      return { eventId: event.id, type: event.type, status: response.status };
    } catch (error) {
      return {
        eventId: event.id,
        type: event.type,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
