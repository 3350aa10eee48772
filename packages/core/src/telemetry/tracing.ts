import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
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
import {
  contextExtras,
  currentExtras,
  parseTraceparent,
  type ContextExtras,
  type LogContext,
  type Logger,
} from '../logger/index';

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
    // No OpenTelemetry context manager (a second AsyncLocalStorage, paid on every async hop): the
    // active span lives on the request's or job's log context (setActiveSpan, childSpan).
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
    },
  };
}

/** The parent a W3C traceparent names (a trusted proxy's, or the request that enqueued a job). */
export function remoteParent(traceparent: string | undefined): Context {
  const parsed = parseTraceparent(traceparent);
  if (!parsed) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parsed.traceId,
    spanId: parsed.spanId,
    traceFlags: parsed.sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

/** Makes `span` the active span of `context` (a request's or job's): its children hang under it. */
export function setActiveSpan(context: LogContext, span: Span): void {
  contextExtras(context).span = span;
}

/**
 * A child of the running request's or job's span, when that span is recorded (sampled); undefined
 * otherwise — tracing off, outside a request or job, or a trace the sampler dropped — and then
 * nothing is built: `attributes` is called only for a span that will be exported.
 */
export function childSpan(name: string, kind: SpanKind, attributes: () => Attributes): Span | undefined {
  if (!tracer) return undefined;
  const parent = currentExtras()?.span as Span | undefined;
  if (!parent?.isRecording()) return undefined;
  return tracer.startSpan(name, { kind, attributes: attributes() }, trace.setSpan(ROOT_CONTEXT, parent));
}

/** Ends `span` when `result` settles (with an error status if it rejects); `result` unchanged. */
export function endWhenSettled<T>(
  span: Span,
  result: Promise<T>,
  status?: (error: unknown) => string,
): Promise<T> {
  return result.then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      span.setStatus({ code: SpanStatusCode.ERROR, message: status?.(error) ?? 'error' });
      span.end();
      throw error;
    },
  );
}

export { SpanKind, SpanStatusCode, type Span };

// pg's client.query, wrapped once per client.
type Query = (...args: unknown[]) => unknown;
const instrumented = Symbol.for('plinth.pg.instrumented');

/**
 * Every statement on `pool`'s connections, inside a request or job: its time is added to the
 * context's SQL time when that is counted (Server-Timing), and with tracing on, in a recorded
 * trace, it gets a span: the statement's text (with $n placeholders — never the values) and its
 * first keyword as the name, a child of the request's or job's span. Outside a request or job, or
 * with neither asked for, a statement costs one lookup of the async context.
 */
export function instrumentPool(pool: {
  query: unknown;
  on(event: 'connect', listener: (client: object) => void): unknown;
}): void {
  // pool.query hands its statement to a client's query with a callback (not counted there); a
  // checked-out client (transactions) is called with promises and counted itself.
  instrument(pool as { query: Query; [instrumented]?: boolean });
  pool.on('connect', (client) => instrument(client as { query: Query; [instrumented]?: boolean }));
}

function instrument(target: { query: Query; [instrumented]?: boolean }): void {
  if (target[instrumented]) return;
  target[instrumented] = true;
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const extras = currentExtras();
    if (!extras || typeof args.at(-1) === 'function') return query(...args);
    const span = sqlSpan(extras, args[0]);
    const timed = extras.dbMs !== undefined;
    if (!span && !timed) return query(...args);
    const started = performance.now();
    const result = query(...args);
    if (!(result instanceof Promise)) {
      span?.end();
      return result;
    }
    const settled = () => {
      if (timed) extras.dbMs! += performance.now() - started;
    };
    const counted = result.then(
      (value) => {
        settled();
        return value;
      },
      (error: unknown) => {
        settled();
        throw error;
      },
    );
    return span
      ? endWhenSettled(span, counted, (error) => (error as { code?: string }).code ?? 'error')
      : counted;
  };
}

function sqlSpan(extras: ContextExtras, first: unknown): Span | undefined {
  if (!tracer) return undefined;
  const parent = extras.span as Span | undefined;
  if (!parent?.isRecording()) return undefined;
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'string') return undefined;
  const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
  return tracer.startSpan(
    `${operation} postgresql`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        'db.query.text': text.slice(0, 2048),
      },
    },
    trace.setSpan(ROOT_CONTEXT, parent),
  );
}
