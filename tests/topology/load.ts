import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

// A bounded, closed-loop load of mixed reads and writes through the proxy, as API clients send it:
// every write carries an Idempotency-Key and is retried with the same key on a retriable answer
// (502/503/504, a 409 "still in progress" with Retry-After, a reset connection), the way a
// well-behaved client survives a node dying under it. Every attempt is recorded with the phase it ended in.
//
// Each request opens its own connection to the proxy. A kept-alive connection that the proxy closes
// while idle can meet a request written into it at the same moment: the client sees a reset that no
// node and no deploy caused. With a connection per request, a failed attempt means a node or the
// proxy really failed it, which is what the phases are asserted on.

export type Outcome = 'ok' | 'retriable' | 'error';

export interface Attempt {
  phase: string;
  op: string;
  ms: number;
  outcome: Outcome;
  /** Status code, or the network error's code. */
  detail: string;
  /** Which logical operation this attempt belongs to (its retries share it), and which try it was. */
  operation: number;
  attempt: number;
  /** A network error's message (who closed, how), for the diagnosis of an unexpected one. */
  message?: string;
}

export interface Tenant {
  slug: string;
  apiKey: string;
}

const RETRY_FOR_MS = 150_000;

export class Load {
  phase = 'warm-up';
  readonly attempts: Attempt[] = [];
  /** Writes the client saw acknowledged (2xx), by workspace slug. */
  readonly ackedProjects = new Map<string, Set<string>>();
  readonly ackedInvitations = new Map<string, Set<string>>();
  /** Operations that ended without success: a non-retriable answer, or retries exhausted. */
  readonly failed: string[] = [];
  #stop = false;
  #running: Promise<void>[] = [];
  #sequence = 0;
  #operations = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly tenants: Tenant[],
    private readonly options: { invitationsPerTenant: number },
  ) {}

  /** Completed attempts in the current phase. */
  countIn(phase: string): number {
    return this.attempts.filter((attempt) => attempt.phase === phase).length;
  }

  start(virtualUsers: number): void {
    this.#running = Array.from({ length: virtualUsers }, (_, n) => this.#user(n));
  }

  async stop(): Promise<void> {
    this.#stop = true;
    await Promise.all(this.#running);
  }

  async #user(n: number): Promise<void> {
    const tenant = this.tenants[n % this.tenants.length]!;
    for (let iteration = 0; !this.#stop; iteration++) {
      const roll = (n * 7 + iteration) % 10;
      if (roll < 4)
        await this.#op('list projects', 'GET', `/api/v1/workspaces/${tenant.slug}/projects`, tenant);
      else if (roll < 5) await this.#op('sign-in page', 'GET', '/sign-in', undefined);
      else if (roll < 9 || !this.#canInvite(tenant)) await this.#createProject(tenant);
      else await this.#invite(tenant);
    }
  }

  #canInvite(tenant: Tenant): boolean {
    return (this.ackedInvitations.get(tenant.slug)?.size ?? 0) < this.options.invitationsPerTenant;
  }

  async #createProject(tenant: Tenant): Promise<void> {
    const name = `load ${++this.#sequence}`;
    const ok = await this.#op(
      'create project',
      'POST',
      `/api/v1/workspaces/${tenant.slug}/projects`,
      tenant,
      {
        name,
      },
    );
    if (ok) add(this.ackedProjects, tenant.slug, name);
  }

  async #invite(tenant: Tenant): Promise<void> {
    const email = `invitee-${++this.#sequence}-${tenant.slug}@example.test`;
    // Counted before the answer, so concurrent users of one tenant stay under its mail quota.
    add(this.ackedInvitations, tenant.slug, `pending:${email}`);
    const ok = await this.#op('invite', 'POST', `/api/v1/workspaces/${tenant.slug}/invitations`, tenant, {
      email,
      role: 'member',
    });
    this.ackedInvitations.get(tenant.slug)!.delete(`pending:${email}`);
    if (ok) add(this.ackedInvitations, tenant.slug, email);
  }

  /** One logical operation: attempts until success, a non-retriable answer, or RETRY_FOR_MS. */
  async #op(
    op: string,
    method: 'GET' | 'POST',
    path: string,
    tenant: Tenant | undefined,
    body?: unknown,
  ): Promise<boolean> {
    const headers: Record<string, string> = {};
    if (tenant) headers.authorization = `Bearer ${tenant.apiKey}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = randomUUID();
    }
    const deadline = Date.now() + RETRY_FOR_MS;
    const operation = ++this.#operations;
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let outcome: Outcome;
      let detail: string;
      let message: string | undefined;
      try {
        const response = await send(new URL(path, this.baseUrl), method, headers, body);
        detail = String(response.status);
        if (response.status >= 200 && response.status < 300) outcome = 'ok';
        else if ([502, 503, 504].includes(response.status)) outcome = 'retriable';
        else if (response.status === 409 && response.retryAfter) outcome = 'retriable';
        else outcome = 'error';
      } catch (error) {
        detail = (error as { code?: string }).code ?? (error as Error).name;
        message = `${new Date().toISOString()} ${(error as Error).message}`;
        outcome = 'retriable';
      }
      // Counted in the phase it ended in: a request sent just before a kill fails during the kill.
      const phase = this.phase;
      this.attempts.push({
        phase,
        op,
        ms: performance.now() - started,
        outcome,
        detail,
        operation,
        attempt,
        ...(message === undefined ? {} : { message }),
      });
      if (outcome === 'ok') return true;
      if (outcome === 'error' || Date.now() > deadline) {
        this.failed.push(`${op} ${path}: ${detail} (phase ${phase}, attempt ${attempt + 1})`);
        return false;
      }
      // Back off a little before the retry, as a client should (capped, jittered).
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt) * Math.random()));
    }
  }
}

/** One request on a connection of its own; the body is read to the end. Times out after 15 s. */
function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, {
      method,
      agent: false,
      headers: payload === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(payload) },
      timeout: 15_000,
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer in 15 s'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.on('response', (response) => {
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] }),
      );
      response.resume();
    });
    req.end(payload);
  });
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export interface PhaseRow {
  phase: string;
  seconds: number;
  requests: number;
  ok: number;
  retriable: number;
  errors: number;
  throughput: number;
  p50: number;
  p99: number;
  /** What the failed attempts were: status codes or network error codes, with counts. */
  failures: string;
}

/** Per phase: attempts, their outcomes, successful requests per second and latency percentiles. */
export function phaseTable(attempts: Attempt[], phases: { phase: string; seconds: number }[]): PhaseRow[] {
  return phases.map(({ phase, seconds }) => {
    const own = attempts.filter((attempt) => attempt.phase === phase);
    const latencies = own.map((attempt) => attempt.ms).sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    const ok = own.filter((attempt) => attempt.outcome === 'ok').length;
    return {
      phase,
      seconds,
      requests: own.length,
      ok,
      retriable: own.filter((attempt) => attempt.outcome === 'retriable').length,
      errors: own.filter((attempt) => attempt.outcome === 'error').length,
      throughput: seconds > 0 ? ok / seconds : 0,
      p50: at(0.5),
      p99: at(0.99),
      failures: summarize(own.filter((attempt) => attempt.outcome !== 'ok').map((attempt) => attempt.detail)),
    };
  });
}

function summarize(details: string[]): string {
  const counts = new Map<string, number>();
  for (const detail of details) counts.set(detail, (counts.get(detail) ?? 0) + 1);
  return [...counts].map(([detail, count]) => `${detail}×${count}`).join(' ') || '-';
}

export function formatTable(rows: PhaseRow[]): string {
  const header = [
    'phase',
    'seconds',
    'requests',
    'ok',
    'retriable',
    'errors',
    'ok/s',
    'p50 ms',
    'p99 ms',
    'failed attempts',
  ];
  const lines = rows.map((row) => [
    row.phase,
    row.seconds.toFixed(1),
    String(row.requests),
    String(row.ok),
    String(row.retriable),
    String(row.errors),
    row.throughput.toFixed(1),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    row.failures,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padStart(widths[i]!))).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}
