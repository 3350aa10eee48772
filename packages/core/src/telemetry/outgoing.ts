import type { Mailer } from '../mail/index';
import { childSpan, endWhenSettled, SpanKind, SpanStatusCode } from './tracing';

// Spans for the calls Plinth makes to the outside: the Stripe API and outgoing mail. Children of the
// request's or job's span, made only in a recorded trace (childSpan); with tracing off each call
// costs one undefined check. Neither carries a value: no amounts, ids, addresses or bodies.

/** The part of Stripe's HTTP client interface the SDK calls (stripe's `HttpClientInterface`). */
export interface StripeHttpClient<Response extends { getStatusCode(): number }> {
  getClientName(): string;
  makeRequest(
    host: string,
    port: string,
    path: string,
    method: string,
    headers: object,
    requestData: string,
    protocol: string,
    timeout: number,
  ): Promise<Response>;
}

/**
 * `/v1/customers/cus_Q4k…/subscriptions?limit=3` → `/v1/customers/{id}/subscriptions`: the query
 * string goes, and so does every segment that is not a plain lowercase word (Stripe's resource and
 * action names are; its object ids carry digits or capitals).
 */
export function stripePathTemplate(path: string): string {
  const bare = path.split('?', 1)[0] ?? '';
  return bare
    .split('/')
    .map((segment) =>
      segment === '' || /^v\d+$/.test(segment) || /^[a-z_]+$/.test(segment) ? segment : '{id}',
    )
    .join('/');
}

/**
 * Stripe's own HTTP client with a span per HTTP call the SDK makes (each retry is one): method and
 * path template, the answer's status; an error status for 4xx/5xx answers and failed calls.
 */
export function tracedStripeHttpClient<Response extends { getStatusCode(): number }>(
  inner: StripeHttpClient<Response>,
): StripeHttpClient<Response> {
  return {
    getClientName: () => inner.getClientName(),
    makeRequest(host, port, path, method, headers, requestData, protocol, timeout) {
      const span = childSpan(`stripe ${method} ${stripePathTemplate(path)}`, SpanKind.CLIENT, () => ({
        'rpc.system': 'stripe',
        'http.request.method': method,
        'url.template': stripePathTemplate(path),
        'server.address': host,
      }));
      const answered = inner.makeRequest(host, port, path, method, headers, requestData, protocol, timeout);
      if (!span) return answered;
      return endWhenSettled(
        span,
        answered.then((response) => {
          const status = response.getStatusCode();
          span.setAttribute('http.response.status_code', status);
          if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: String(status) });
          return response;
        }),
        (error) => (error as { code?: string }).code ?? 'error',
      );
    },
  };
}

/**
 * `mailer` with a span per message sent: the transport (smtp, capture) and the template's tag,
 * never the recipient, subject or body.
 */
export function tracedMailer(mailer: Mailer, transport: string): Mailer {
  return {
    send(message) {
      const span = childSpan('mail send', SpanKind.CLIENT, () => ({
        'plinth.mail.transport': transport,
        'plinth.mail.template': message.tag ?? 'none',
      }));
      const sent = mailer.send(message);
      return span ? endWhenSettled(span, sent) : sent;
    },
  };
}
