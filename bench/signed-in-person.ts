import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadEnv } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { startPlinth, type RunningPlinth } from '../apps/server/src/start';
import { progress } from './run-lifecycle';

// Setup over HTTP: one person, one session, the way a browser gets them: sign-up, the verification
// link from the captured mail (GET /api/dev/mail, delivered by a worker node that runs only during
// setup), sign-in. Used by bench/auth.ts and bench/api.ts.

const REQUEST_TIMEOUT_MS = 10_000;
const MAIL_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'plinth.session_token';

export interface SignedIn {
  email: string;
  /** `plinth.session_token=…`, as a Cookie header. */
  cookie: string;
}

export class Client {
  constructor(readonly baseUrl: string) {}

  /** One request to a node on 127.0.0.1; never follows redirects, always has a deadline. */
  async send(
    method: 'GET' | 'POST',
    path: string,
    options: { cookie?: string; body?: unknown } = {},
  ): Promise<{ response: Response; text: string }> {
    const headers: Record<string, string> = { 'user-agent': 'plinth-bench/1.0' };
    // A state-changing request (/api/auth, or cookie-authenticated) must carry a trusted Origin, as a
    // browser sends it.
    if (method === 'POST') headers.origin = this.baseUrl;
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      redirect: 'manual',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { response, text: await response.text() };
  }

  async json<T>(
    method: 'GET' | 'POST',
    path: string,
    expected: number,
    options?: { cookie?: string; body?: unknown },
  ) {
    const { response, text } = await this.send(method, path, options);
    if (response.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return { response, text, body: (text ? JSON.parse(text) : null) as T };
  }
}

function sessionCookie(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    if (pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return undefined;
}

/** The verification link from the captured mail to `email`, read through GET /api/dev/mail. */
async function verificationLink(client: Client, email: string): Promise<URL> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { body } = await client.json<{ messages: { text: string }[] }>(
      'GET',
      `/api/dev/mail?to=${encodeURIComponent(email)}`,
      200,
    );
    for (const message of body.messages) {
      const match = /https?:\/\/\S+/.exec(message.text);
      if (!match) continue;
      const link = new URL(match[0].replace(/[).,]+$/, ''));
      // Only our own node on 127.0.0.1 is ever requested.
      if (link.origin === client.baseUrl && link.pathname === '/api/auth/verify-email') return link;
    }
    await sleep(250);
  }
  throw new Error(
    `no verification mail to ${email} within ${MAIL_TIMEOUT_MS} ms (is the worker delivering?)`,
  );
}

/** Sign-up, the verification link, sign-in: the real flow, once. */
async function signUpAndSignIn(client: Client): Promise<SignedIn> {
  const email = `bench-${Date.now()}-${randomBytes(3).toString('hex')}@example.test`;
  const password = `bench-${randomBytes(12).toString('base64url')}`;
  await client.json('POST', '/api/auth/sign-up/email', 200, {
    body: { email, password, name: 'Bench Person' },
  });
  progress(`signed up ${email}; waiting for the verification mail`);
  const link = await verificationLink(client, email);
  const verified = await client.send('GET', `${link.pathname}${link.search}`);
  if (verified.response.status !== 302) {
    throw new Error(`verification link answered ${verified.response.status}: ${verified.text.slice(0, 300)}`);
  }
  const { response } = await client.json('POST', '/api/auth/sign-in/email', 200, {
    body: { email, password },
  });
  const cookie = sessionCookie(response);
  if (!cookie) throw new Error(`sign-in set no ${SESSION_COOKIE} cookie`);
  progress(`verified and signed in ${email}`);
  return { email, cookie };
}

/**
 * Mail goes through the job queue; a worker node delivers it into the captured outbox. It runs in the
 * bench's own process, for setup only, and is stopped before any load; `stop()` is for the shutdown
 * too (Ctrl-C during setup).
 */
export class SetupMailWorker {
  #worker: RunningPlinth | undefined;

  stop(): Promise<void> | undefined {
    return this.#worker?.stop();
  }

  /** Starts the worker, runs the real flow, and stops the worker once the person is signed in. */
  async signUpAndSignIn(
    client: Client,
    node: { envSource: Record<string, string | undefined>; ownerUrl: string; logger: Logger },
  ): Promise<SignedIn> {
    this.#worker = await startPlinth(
      loadEnv({ ...node.envSource, PLINTH_ROLE: 'worker', JOBS_POLL_INTERVAL_SECONDS: '0.5' }),
      node.ownerUrl,
      { logger: node.logger, dev: false },
    );
    const person = await signUpAndSignIn(client);
    await this.#worker?.stop();
    this.#worker = undefined;
    return person;
  }
}
