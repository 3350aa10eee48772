import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync } from 'node:crypto';

/**
 * What every log line inside a request or a job carries. One async context per request and per
 * job (AsyncLocalStorage), so nothing passes a logger around to get these onto a line.
 */
export interface LogContext {
  request_id?: string;
  /** W3C trace id (32 hex): the OpenTelemetry span's when tracing is on, else one of our own. */
  trace_id?: string;
  span_id?: string;
  /** With tracing on: false when the sampler dropped this trace (its spans are not exported). */
  trace_sampled?: boolean;
  workspace_id?: string;
  user_id?: string;
  api_key_id?: string;
  job_id?: string;
  queue?: string;
}

/**
 * The part of a context that travels with work a request causes: stored on the outbox row and in
 * the job's data, so the job's log lines name the trace, workspace and actor of that request.
 */
export interface CarriedContext {
  traceparent?: string;
  request_id?: string;
  workspace_id?: string;
  user_id?: string;
  api_key_id?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` as the log context of everything it calls or awaits. */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The log context of the running request or job; undefined outside one. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * What a request or job keeps beside its log fields, on the same context object but never on a log
 * line (a non-enumerable slot: the logger's mixin copies enumerable fields only): its trace span,
 * when tracing is on, and the time its SQL statements took so far, when someone asked for it
 * (Server-Timing). One async context for logs, spans and timings: no second AsyncLocalStorage.
 */
export interface ContextExtras {
  /** The request's or job's span (an OpenTelemetry Span); statements, Stripe calls and mail become its children. */
  span?: unknown;
  /** Milliseconds spent in SQL statements; counted only when defined. */
  dbMs?: number;
}

const extrasSlot = Symbol('plinth.context-extras');
type WithExtras = LogContext & { [extrasSlot]?: ContextExtras };

/** `context`'s extras, made on first use. */
export function contextExtras(context: LogContext): ContextExtras {
  const holder = context as WithExtras;
  let extras = holder[extrasSlot];
  if (!extras) {
    extras = {};
    Object.defineProperty(holder, extrasSlot, { value: extras, enumerable: false });
  }
  return extras;
}

/** The running request's or job's extras; undefined outside one or when none were made. */
export function currentExtras(): ContextExtras | undefined {
  return (storage.getStore() as WithExtras | undefined)?.[extrasSlot];
}

/** Adds what became known later (the actor, the workspace) to the running context; a no-op outside one. */
export function addToLogContext(fields: Partial<LogContext>): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// Ids come from a pool of random bytes refilled 4 KiB at a time: one call into the CSPRNG per ~170
// requests instead of two per request (a measurable share of a request with tracing off).
const randomPool = Buffer.alloc(4096);
let randomOffset = randomPool.length;

function randomHex(bytes: number): string {
  if (randomOffset + bytes > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const hex = randomPool.toString('hex', randomOffset, randomOffset + bytes);
  randomOffset += bytes;
  return hex;
}

export function newTraceId(): string {
  return randomHex(16);
}

export function newSpanId(): string {
  return randomHex(8);
}

/** A W3C traceparent's trace and parent span, or undefined when it is malformed or all zeros. */
export function parseTraceparent(
  value: string | undefined,
): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const match = value ? traceparentPattern.exec(value.trim().toLowerCase()) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  // trace-flags is a bit field: bit 0 is "sampled" (others, like level 2's "random", may be set too).
  return { traceId: match[1]!, spanId: match[2]!, sampled: (Number.parseInt(match[3]!, 16) & 1) === 1 };
}

/** What the running context hands to the work it causes; undefined outside a request or job. */
export function carriedContext(): CarriedContext | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  const carried: CarriedContext = {};
  if (store.trace_id && store.span_id) {
    carried.traceparent = `00-${store.trace_id}-${store.span_id}-${store.trace_sampled === false ? '00' : '01'}`;
  }
  for (const key of ['request_id', 'workspace_id', 'user_id', 'api_key_id'] as const) {
    if (store[key]) carried[key] = store[key];
  }
  return carried;
}

/** A job's own context: a new span in the trace of the request that caused it (or a new trace). */
export function jobLogContext(carried: unknown, job: { id: string; queue: string }): LogContext {
  const from: Partial<Record<keyof CarriedContext, unknown>> = isCarried(carried) ? carried : {};
  const parent = typeof from.traceparent === 'string' ? parseTraceparent(from.traceparent) : undefined;
  const context: LogContext = {
    trace_id: parent?.traceId ?? newTraceId(),
    span_id: newSpanId(),
    job_id: job.id,
    queue: job.queue,
  };
  for (const key of ['request_id', 'workspace_id', 'user_id', 'api_key_id'] as const) {
    const value = from[key];
    if (typeof value === 'string' && value.length <= 128) context[key] = value;
  }
  return context;
}

function isCarried(value: unknown): value is Record<keyof CarriedContext, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
