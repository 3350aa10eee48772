import type pg from 'pg';
import { enterTenant, uuidv7, withClientTransaction, type Database } from '@plinth/db';
import { systemActor } from '../actor/index';
import { EVENTS_TOPIC, type EmittedEvent } from '../events/index';
import {
  DELIVERY_TIMEOUT_MS,
  recordOutcome,
  sendClaimed,
  type AttemptResult,
  type ClaimedDelivery,
  type DeliveryWorkerDeps,
} from './deliveries';

// The delivery hot path (decision 0016): committed events are fanned out straight from the outbox
// into delivery rows and their queue rows (`webhook_dispatch`), many events per transaction; worker
// loops claim due queue rows in batches with a lease, send them over keep-alive connections, and
// record successes in batches. No job per delivery: the rows are the queue.

/** Transaction-scoped advisory lock that serializes claims, so each sees the others' leases. */
const CLAIM_LOCK = 160_016;
const ACTOR = systemActor('webhooks');

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Fans events of one workspace out inside an open transaction: a delivery row and a queue row per
 * enabled endpoint subscribed to each event's type. A delivery is unique per endpoint and event,
 * so fanning an event out twice adds nothing. Returns how many deliveries it created.
 */
async function fanOutInTransaction(
  client: pg.PoolClient,
  workspaceId: string,
  events: readonly EmittedEvent[],
): Promise<number> {
  await enterTenant(client, workspaceId, ACTOR);
  const { rows: endpoints } = await client.query<{ id: string; event_types: string[] | null }>(
    'select id, event_types from webhook_endpoint where workspace_id = $1 and enabled',
    [workspaceId],
  );
  if (endpoints.length === 0) return 0;
  const ids: string[] = [];
  const endpointIds: string[] = [];
  const eventIndexes: number[] = [];
  events.forEach((event, index) => {
    for (const endpoint of endpoints) {
      if (endpoint.event_types && !endpoint.event_types.includes(event.type)) continue;
      ids.push(uuidv7());
      endpointIds.push(endpoint.id);
      eventIndexes.push(index + 1);
    }
  });
  if (ids.length === 0) return 0;
  const result = await client.query(
    `with event as (
       select e.n::int as n, e.id, e.type, e.body, e.at
       from unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         with ordinality as e(id, type, body, at, n)
     ), made as (
       insert into webhook_delivery
         (id, workspace_id, endpoint_id, event_id, event_type, body, event_created_at, next_attempt_at)
       select pair.id, $1, pair.endpoint_id, event.id, event.type, event.body, event.at, now()
       from unnest($6::uuid[], $7::uuid[], $8::int[]) as pair(id, endpoint_id, n)
       join event using (n)
       on conflict do nothing
       returning id, endpoint_id
     )
     insert into webhook_dispatch (delivery_id, workspace_id, endpoint_id, due_at)
     select id, $1, endpoint_id, now() from made`,
    [
      workspaceId,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) =>
        JSON.stringify({ type: event.type, timestamp: event.timestamp, data: event.data }),
      ),
      events.map((event) => event.timestamp),
      ids,
      endpointIds,
      eventIndexes,
    ],
  );
  return result.rowCount ?? 0;
}

/** Fans the given events out in one transaction (the legacy `webhooks.event` job uses this). */
export function fanOutEvents(database: Database, events: readonly EmittedEvent[]): Promise<number> {
  return withClientTransaction(database, async (client) => {
    let made = 0;
    for (const [workspaceId, group] of groupBy(events, (event) => event.workspaceId)) {
      made += await fanOutInTransaction(client, workspaceId, group);
    }
    return made;
  });
}

/**
 * Takes up to `batchSize` committed webhook events from the outbox (SKIP LOCKED, so several worker
 * nodes share them), fans them out and marks them published, all in one transaction: a crash
 * leaves them unpublished and nothing fanned out. Returns events taken and deliveries made.
 */
export function fanOutFromOutbox(
  database: Database,
  batchSize = 500,
): Promise<{ events: number; deliveries: number }> {
  return withClientTransaction(database, async (client) => {
    const { rows } = await client.query<{ id: string; payload: EmittedEvent }>(
      `select id, payload from outbox where published_at is null and topic = $1
       order by created_at limit $2 for update skip locked`,
      [EVENTS_TOPIC, batchSize],
    );
    if (rows.length === 0) return { events: 0, deliveries: 0 };
    let deliveries = 0;
    for (const [workspaceId, group] of groupBy(
      rows.map((row) => row.payload),
      (event) => event.workspaceId,
    )) {
      deliveries += await fanOutInTransaction(client, workspaceId, group);
    }
    await client.query('update outbox set published_at = now() where id = any($1::uuid[])', [
      rows.map((row) => row.id),
    ]);
    return { events: rows.length, deliveries };
  });
}

/**
 * Claims up to `limit` due deliveries across workspaces, at most `perEndpoint` leased at once per
 * endpoint counting every worker's live leases (claims are serialized by an advisory lock, so the
 * count is exact), taking endpoints in turns (every endpoint's earliest due row before anyone's
 * second), so one endpoint's backlog cannot crowd the others out of a claim. A claimed queue row is due again when its lease ends: the attempt of a worker
 * that died is retried then. In the same transaction each delivery's attempt is counted and its
 * endpoint read, workspace by workspace under RLS.
 */
export function claimDeliveries(database: Database, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  return withClientTransaction(database, (client) => claimIn(client, options));
}

interface ClaimOptions {
  limit: number;
  perEndpoint: number;
  leaseSeconds: number;
}

async function claimIn(client: pg.PoolClient, options: ClaimOptions): Promise<ClaimedDelivery[]> {
  await client.query('select pg_advisory_xact_lock($1)', [CLAIM_LOCK]);
  const { rows: claimed } = await client.query<{
    delivery_id: string;
    workspace_id: string;
    endpoint_id: string;
  }>(
    `with recursive queued(endpoint_id) as (
         (select endpoint_id from webhook_dispatch order by endpoint_id limit 1)
         union all
         select (select d.endpoint_id from webhook_dispatch d where d.endpoint_id > q.endpoint_id
                 order by d.endpoint_id limit 1)
         from queued q where q.endpoint_id is not null
       ), busy as (
         select endpoint_id, count(*)::int as n from webhook_dispatch
         where lease_until is not null and lease_until > now() group by endpoint_id
       ), due as (
         select pick.delivery_id, pick.due_at, pick.turn
         from queued q
         left join busy b using (endpoint_id)
         cross join lateral (
           select mine.delivery_id, mine.due_at, row_number() over (order by mine.due_at) as turn
           from (
             select d.delivery_id, d.due_at from webhook_dispatch d
             where d.endpoint_id = q.endpoint_id and d.due_at <= now()
             order by d.due_at limit greatest($2 - coalesce(b.n, 0), 0)
             for update skip locked
           ) mine
         ) pick
         where q.endpoint_id is not null
       ), chosen as (
         select delivery_id from due order by turn, due_at limit $1
       )
       update webhook_dispatch d
       set lease_until = now() + make_interval(secs => $3), due_at = now() + make_interval(secs => $3)
       from chosen where d.delivery_id = chosen.delivery_id
       returning d.delivery_id, d.workspace_id, d.endpoint_id`,
    [options.limit, options.perEndpoint, options.leaseSeconds],
  );
  if (claimed.length === 0) return [];
  const out: ClaimedDelivery[] = [];
  const gone: string[] = [];
  for (const [workspaceId, group] of groupBy(claimed, (row) => row.workspace_id)) {
    await enterTenant(client, workspaceId, ACTOR);
    const ids = group.map((row) => row.delivery_id);
    const { rows: deliveries } = await client.query<{
      id: string;
      endpoint_id: string;
      event_id: string;
      body: string;
      attempts: number;
    }>(
      `update webhook_delivery
         set attempts = attempts + 1, last_attempt_at = now(), locked_until = now() + make_interval(secs => $3)
         where workspace_id = $1 and id = any($2::uuid[]) and status = 'pending'
         returning id, endpoint_id, event_id, body, attempts`,
      [workspaceId, ids, options.leaseSeconds],
    );
    const { rows: endpoints } = await client.query<{
      id: string;
      url: string;
      enabled: boolean;
      secret_ciphertext: string;
      previous_secret_ciphertext: string | null;
      previous_secret_expires_at: Date | null;
    }>(
      `select id, url, enabled, secret_ciphertext, previous_secret_ciphertext, previous_secret_expires_at
         from webhook_endpoint where workspace_id = $1 and id = any($2::uuid[])`,
      [workspaceId, [...new Set(group.map((row) => row.endpoint_id))]],
    );
    const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
    const found = new Set(deliveries.map((delivery) => delivery.id));
    for (const id of ids) if (!found.has(id)) gone.push(id);
    for (const delivery of deliveries) {
      const endpoint = byId.get(delivery.endpoint_id);
      out.push({
        id: delivery.id,
        workspaceId,
        endpointId: delivery.endpoint_id,
        eventId: delivery.event_id,
        body: delivery.body,
        attempts: delivery.attempts,
        endpoint: endpoint
          ? {
              url: endpoint.url,
              enabled: endpoint.enabled,
              secretCiphertext: endpoint.secret_ciphertext,
              previousSecretCiphertext: endpoint.previous_secret_ciphertext,
              previousSecretExpiresAt: endpoint.previous_secret_expires_at,
            }
          : null,
      });
    }
  }
  // Queue rows whose delivery is no longer pending (finished elsewhere): nothing to send.
  if (gone.length > 0) {
    await client.query('delete from webhook_dispatch where delivery_id = any($1::uuid[])', [gone]);
  }
  return out;
}

type Delivered = Extract<AttemptResult, { kind: 'delivered' }>;

/**
 * Records delivered attempts in the caller's transaction: each delivery succeeded with its response, the
 * queue rows gone (their leases with them), and the endpoints' failing streaks ended.
 */
async function recordDeliveredIn(client: pg.PoolClient, results: readonly Delivered[]): Promise<void> {
  for (const [workspaceId, group] of groupBy(results, (result) => result.delivery.workspaceId)) {
    await enterTenant(client, workspaceId, ACTOR);
    await client.query(
      `update webhook_delivery d
         set status = 'succeeded', locked_until = null, next_attempt_at = null, delivered_at = now(),
             response_status = r.status, response_body = r.body, error = null, duration_ms = r.duration,
             request_headers = r.headers
         from unnest($2::uuid[], $3::int[], $4::text[], $5::int[], $6::jsonb[])
           as r(id, status, body, duration, headers)
         where d.workspace_id = $1 and d.id = r.id`,
      [
        workspaceId,
        group.map((result) => result.delivery.id),
        group.map((result) => result.response.status),
        group.map((result) => result.response.body),
        group.map((result) => result.response.durationMs),
        group.map((result) => JSON.stringify(result.headers)),
      ],
    );
    await client.query(
      `update webhook_endpoint set failing_since = null
         where workspace_id = $1 and id = any($2::uuid[]) and failing_since is not null`,
      [workspaceId, [...new Set(group.map((result) => result.delivery.endpointId))]],
    );
  }
  await client.query('delete from webhook_dispatch where delivery_id = any($1::uuid[])', [
    results.map((result) => result.delivery.id),
  ]);
}

/**
 * One turn of the delivery loop, in one transaction: records the deliveries that succeeded since
 * the last turn (their leases end), then claims up to `limit` more. Recording first keeps the
 * claim's count of each endpoint's live leases exact, and one transaction per turn instead of two.
 */
export function settleAndClaim(
  database: Database,
  delivered: readonly Delivered[],
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  return withClientTransaction(database, async (client) => {
    if (delivered.length > 0) await recordDeliveredIn(client, delivered);
    return options.limit > 0 ? claimIn(client, options) : [];
  });
}

export interface DispatcherOptions {
  /** Attempts one process runs at once, over all endpoints (default 128). */
  concurrency?: number;
  /** How often an idle loop looks for due deliveries and new events (default 250 ms). */
  pollIntervalMs?: number;
  /** Events fanned out per outbox transaction (default 500). */
  fanOutBatchSize?: number;
  /** Run the outbox fan-out loop in this process (default true). */
  fanOut?: boolean;
  /**
   * How long a claim outlives the attempt's timeout (default 15 s): the lease another worker waits
   * out before it retries an attempt whose worker died. Shorter only in tests that kill a worker.
   */
  leaseMarginSeconds?: number;
}

export interface Dispatcher {
  /** Stops claiming; waits up to `timeoutMs` for attempts in flight (their leases cover the rest). */
  stop(timeoutMs?: number): Promise<void>;
}

/** A wake-up that resolves at once when woken, or after `ms`. */
function napper() {
  let wake: (() => void) | undefined;
  let pending = false;
  return {
    nap(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    wake() {
      if (wake) wake();
      else pending = true;
    },
  };
}

/**
 * Runs a worker node's webhook delivery: the outbox fan-out loop, and the delivery loop, which keeps
 * up to `concurrency` attempts in flight, claiming more whenever slots free up.
 */
export function startWebhookDispatcher(
  deps: DeliveryWorkerDeps,
  options: DispatcherOptions = {},
): Dispatcher {
  const concurrency = options.concurrency ?? 128;
  const pollMs = options.pollIntervalMs ?? 250;
  const perEndpoint = deps.maxInFlightPerEndpoint ?? 32;
  const leaseSeconds =
    Math.ceil((deps.timeoutMs ?? DELIVERY_TIMEOUT_MS) / 1000) + (options.leaseMarginSeconds ?? 15);
  const log = deps.logger;
  let stopped = false;
  let abandoned = false;
  let inFlight = 0;
  const attempts = new Set<Promise<void>>();
  const claims = napper();
  const fanOuts = napper();

  // Opened secrets, by ciphertext: an endpoint's secret is decrypted once, not per attempt.
  const opened = new Map<string, string>();
  const openSecret = (ciphertext: string) => {
    let plain = opened.get(ciphertext);
    if (plain === undefined) {
      plain = deps.secrets.open(ciphertext);
      if (opened.size >= 1_000) opened.clear();
      opened.set(ciphertext, plain);
    }
    return plain;
  };
  const sendDeps = { ...deps, openSecret };

  // Successes wait here for the loop's next turn, which records them before it claims more.
  let delivered: { result: Delivered; done: () => void }[] = [];

  const run = (delivery: ClaimedDelivery) => {
    inFlight++;
    const attempt = (async () => {
      try {
        const result = await sendClaimed(sendDeps, delivery);
        if (result.kind === 'delivered') {
          await new Promise<void>((done) => {
            delivered.push({ result, done });
            claims.wake();
          });
        } else {
          await recordOutcome(deps, result);
        }
      } catch (error) {
        log.error({ err: error, deliveryId: delivery.id }, 'webhook attempt failed to record');
      }
    })();
    attempts.add(attempt);
    void attempt.finally(() => {
      attempts.delete(attempt);
      inFlight--;
      claims.wake();
    });
  };

  const deliveryLoop = (async () => {
    let failures = 0;
    while (!abandoned) {
      const settling = delivered;
      delivered = [];
      // Slots held only by successes waiting to be recorded are free once this turn records them.
      const free = stopped ? 0 : concurrency - inFlight + settling.length;
      if (settling.length === 0 && (stopped || free <= 0)) {
        if (stopped && attempts.size === 0) break;
        await claims.nap(pollMs);
        continue;
      }
      let got = 0;
      try {
        const batch = await settleAndClaim(
          deps.database,
          settling.map((entry) => entry.result),
          { limit: Math.min(free, 200), perEndpoint, leaseSeconds },
        );
        failures = 0;
        for (const entry of settling) entry.done();
        got = batch.length;
        for (const delivery of batch) run(delivery);
      } catch (error) {
        log.error({ err: error }, 'webhook delivery turn failed');
        // Unrecorded successes are tried again next turn; after a few failures they are let go
        // (their leases lapse and they are sent again: at least once).
        if (++failures >= 3 || stopped) for (const entry of settling) entry.done();
        else delivered.unshift(...settling);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      if (got === 0 && delivered.length === 0) await claims.nap(pollMs);
    }
  })();

  const fanOutLoop =
    options.fanOut === false
      ? Promise.resolve()
      : (async () => {
          const batchSize = options.fanOutBatchSize ?? 500;
          while (!stopped) {
            let events = 0;
            try {
              const made = await fanOutFromOutbox(deps.database, batchSize);
              events = made.events;
              if (made.deliveries > 0) claims.wake();
            } catch (error) {
              if (!stopped) log.error({ err: error }, 'webhook fan-out failed');
            }
            if (events < batchSize) await fanOuts.nap(pollMs);
          }
        })();

  return {
    async stop(timeoutMs = 10_000) {
      stopped = true;
      claims.wake();
      fanOuts.wake();
      // The loop keeps recording successes until the attempts in flight are done; after the
      // timeout it is left behind (the leases of what it did not record lapse: sent again).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([deliveryLoop, fanOutLoop]),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      abandoned = true;
      claims.wake();
    },
  };
}
