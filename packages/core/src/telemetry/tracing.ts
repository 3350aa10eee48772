import {
  context as otelContext,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';
import { parseTraceparent, type Logger } from '../logger/index';

/** What loadEnv makes of the standard OTEL_* variables; tracing is on only with an endpoint. */
export interface TracingConfig {
  /** The OTLP/HTTP traces URL (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces). */
  tracesEndpoint: string;
  serviceName: string;
  /** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (default parentbased_always_on). */
  sampler: string;
  samplerArg: number | undefined;
  /** Extra resource attributes (role, version). */
  attributes?: Record<string, string>;
}

let tracer: Tracer | undefined;
let provider: BasicTracerProvider | undefined;

/** The process's tracer while tracing is on; undefined (and every span site skipped) otherwise. */
export function activeTracer(): Tracer | undefined {
  return tracer;
}

function samplerOf(name: string, arg: number | undefined): Sampler {
  const ratio = new TraceIdRatioBasedSampler(arg ?? 1);
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

/**
 * Starts OpenTelemetry tracing for the process: spans batched to the OTLP/HTTP endpoint (JSON).
 * Process-wide, once; a second call returns the running one. Without an endpoint nothing calls
 * this, no span is ever made, and the span sites cost one undefined check.
 */
export function startTracing(config: TracingConfig, logger: Logger): { shutdown(): Promise<void> } {
  if (!provider) {
    const manager = new AsyncLocalStorageContextManager().enable();
    otelContext.setGlobalContextManager(manager);
    provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': config.serviceName, ...config.attributes }),
      sampler: samplerOf(config.sampler, config.samplerArg),
      spanProcessors: [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesEndpoint }), {
          scheduledDelayMillis: 500,
        }),
      ],
    });
    tracer = provider.getTracer('plinth');
    logger.info({ endpoint: config.tracesEndpoint, sampler: config.sampler }, 'tracing on (OTLP/HTTP)');
  }
  const running = provider;
  return {
    async shutdown() {
      if (provider !== running) return;
      tracer = undefined;
      provider = undefined;
      await running.shutdown();
      otelContext.disable();
    },
  };
}

/** The parent a W3C traceparent names (a trusted proxy's, or the request that enqueued a job). */
export function remoteParent(traceparent: string | undefined): Context {
  const parsed = parseTraceparent(traceparent);
  if (!parsed) return ROOT_CONTEXT;
  const sampled = traceparent!.trim().endsWith('-01');
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parsed.traceId,
    spanId: parsed.spanId,
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

/** Runs `fn` with `span` as the active span (so SQL spans inside are its children). */
export function withSpan<T>(span: Span, fn: () => T): T {
  return otelContext.with(trace.setSpan(otelContext.active(), span), fn);
}

export { SpanKind, SpanStatusCode, type Span };

// pg's client.query, wrapped once per client when tracing is on.
type Query = (...args: unknown[]) => unknown;
const instrumented = Symbol.for('plinth.pg.traced');

/**
 * Postgres spans for every statement on `pool`'s connections: the statement's text (with $n
 * placeholders — never the values) and its first keyword as the name. Children of the active span;
 * statements outside a request or job make none.
 */
export function tracePool(pool: {
  query: unknown;
  on(event: 'connect', listener: (client: object) => void): unknown;
}): void {
  // pool.query hands its statement to a client's query with a callback (not traced there); a
  // checked-out client (transactions) is called with promises and traced itself.
  instrument(pool as { query: Query; [instrumented]?: boolean });
  pool.on('connect', (client) => instrument(client as { query: Query; [instrumented]?: boolean }));
}

function instrument(target: { query: Query; [instrumented]?: boolean }): void {
  if (target[instrumented]) return;
  target[instrumented] = true;
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const active = tracer && trace.getSpan(otelContext.active());
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    if (!active || typeof text !== 'string' || typeof args.at(-1) === 'function') return query(...args);
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
    const span = tracer!.startSpan(`${operation} postgresql`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': text.slice(0, 2048),
      },
    });
    const result = query(...args);
    if (!(result instanceof Promise)) {
      span.end();
      return result;
    }
    return result.then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? 'error' });
        span.end();
        throw error;
      },
    );
  };
}
