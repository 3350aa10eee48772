import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { HttpBindings } from '@hono/node-server';
import { TrustedProxies } from '@plinth/core/client-ip';
import {
  contextExtras,
  newSpanId,
  newTraceId,
  parseTraceparent,
  runWithLogContext,
  type LogContext,
  type Logger,
} from '@plinth/core/logger';
import {
  activeTracer,
  logErrorReporter,
  remoteParent,
  setActiveSpan,
  SpanKind,
  SpanStatusCode,
  type ErrorReporter,
  type Span,
} from '@plinth/core/telemetry';
import type { ApiEnv } from '../types';
import { nodeResponse } from './response-headers';

// A caller's id is kept only if it is short and plain, so it is safe in logs and headers.
const acceptableRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RequestContextOptions {
  /** Only a peer among these may continue its trace with `traceparent` (TRUSTED_PROXIES). */
  trustedProxies?: readonly string[];
  /** Told of every 5xx; a structured error log when absent. */
  errorReporter?: ErrorReporter;
  /**
   * Whether an answer to `path` carries Server-Timing (default: every one). False where answers are
   * made alike on purpose (the auth edge: a taken email answers as a new one), since the SQL time
   * would tell them apart.
   */
  serverTiming?: (path: string) => boolean;
  /** Told of every request once it is answered (metrics); must not throw. */
  onResponse?: (request: AnsweredRequest) => void;
}

export interface AnsweredRequest {
  method: string;
  /** The route template (`/api/v1/workspaces/:slug/projects`), `unmatched` when no route matched. */
  route: string;
  status: number;
  /** The error code of the envelope when the answer was an error. */
  code?: string | undefined;
  seconds: number;
}

/**
 * Takes X-Request-Id from the caller (or makes one) and opens the request's log context: every
 * log line until the answer carries request_id, trace_id and span_id, and the actor and workspace
 * once the chain knows them. A `traceparent` is continued only from a trusted proxy; the answer
 * echoes the request's own as `traceresponse`. 5xx answers go to the error reporter.
 */
export function requestContext(logger: Logger, options: RequestContextOptions = {}) {
  const trusted = new TrustedProxies(options.trustedProxies ?? []);
  const reporter = options.errorReporter ?? logErrorReporter(logger);
  return createMiddleware<ApiEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID();
    const traceparent =
      trusted.size > 0 && fromTrustedPeer(c, trusted) ? c.req.header('traceparent') : undefined;
    const parent = parseTraceparent(traceparent);
    // With OTEL_* set the server span's ids, else ids of our own (tracing off).
    const tracer = activeTracer();
    const context: LogContext = tracer
      ? { request_id: requestId }
      : { request_id: requestId, trace_id: parent?.traceId ?? newTraceId(), span_id: newSpanId() };
    // The request's SQL time, summed by the pool's instrumentation, for Server-Timing (only where
    // the answer carries one: statements of other requests are not timed).
    const extras = contextExtras(context);
    const timed = options.serverTiming?.(c.req.path) ?? true;
    if (timed) extras.dbMs = 0;
    let span: Span | undefined;
    if (tracer) {
      span = tracer.startSpan(
        c.req.method,
        {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': c.req.method, 'url.path': c.req.path },
        },
        remoteParent(parent ? traceparent : undefined),
      );
      const ids = span.spanContext();
      context.trace_id = ids.traceId;
      context.span_id = ids.spanId;
      context.trace_sampled = (ids.traceFlags & 1) === 1;
      setActiveSpan(context, span);
    }
    c.set('requestId', requestId);
    c.set('logger', logger);
    const traceresponse = `00-${context.trace_id}-${context.span_id}-${context.trace_sampled === false ? '00' : '01'}`;
    const outgoing = nodeResponse(c);
    if (outgoing) {
      outgoing.setHeader('X-Request-Id', requestId);
      outgoing.setHeader('traceresponse', traceresponse);
    } else {
      c.header('X-Request-Id', requestId);
      c.header('traceresponse', traceresponse);
    }
    const started = performance.now();
    await runWithLogContext(context, async () => {
      await next();
      const status = c.res.status;
      const seconds = (performance.now() - started) / 1000;
      if (timed) serverTiming(c, extras.dbMs ?? 0, seconds * 1000);
      const route = routeTemplate(c);
      const entry = {
        method: c.req.method,
        path: c.req.path,
        route,
        status,
        duration_ms: Math.round(seconds * 100_000) / 100,
      };
      if (status >= 500) {
        reporter.report(c.error ?? new Error(`answered ${status}`), {
          kind: 'request',
          method: entry.method,
          route,
          status,
        });
      }
      logger.info(entry, 'request');
      options.onResponse?.({
        method: entry.method,
        route,
        status,
        code: status >= 400 ? c.get('errorCode') : undefined,
        seconds,
      });
      if (span) endServerSpan(span, entry.method, route, status, context);
    });
  });
}

/**
 * `Server-Timing: db;dur=…, total;dur=…` (milliseconds; durations only, no names of statements or
 * values): the request's SQL time (summed over its statements, so concurrent ones count twice) and
 * its time from reaching the API to its answer, for the browser's devtools.
 */
function serverTiming(c: Context, dbMs: number, totalMs: number): void {
  const value = `db;dur=${dbMs.toFixed(1)}, total;dur=${totalMs.toFixed(1)}`;
  const outgoing = nodeResponse(c);
  if (outgoing) outgoing.setHeader('Server-Timing', value);
  else {
    try {
      c.res.headers.set('Server-Timing', value);
    } catch {
      // A Response with immutable headers (a proxied one) goes out without it.
    }
  }
}

function endServerSpan(span: Span, method: string, route: string, status: number, context: LogContext): void {
  // A trace the sampler dropped: nothing to name or describe.
  if (!span.isRecording()) {
    span.end();
    return;
  }
  span.updateName(`${method} ${route}`);
  span.setAttribute('http.route', route);
  span.setAttribute('http.response.status_code', status);
  if (context.workspace_id) span.setAttribute('plinth.workspace_id', context.workspace_id);
  if (context.user_id) span.setAttribute('enduser.id', context.user_id);
  if (context.api_key_id) span.setAttribute('plinth.api_key_id', context.api_key_id);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** The template of the route that answered; `unmatched` for a 404 no route claimed. */
export function routeTemplate(c: Context): string {
  const routes = matchedRoutes(c);
  for (let index = routes.length - 1; index >= 0; index--) {
    const route = routes[index]!;
    if (route.method !== 'ALL') return route.path;
  }
  return 'unmatched';
}

function fromTrustedPeer(c: Context, trusted: TrustedProxies): boolean {
  const peer = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket?.remoteAddress;
  return peer !== undefined && trusted.has(peer);
}
