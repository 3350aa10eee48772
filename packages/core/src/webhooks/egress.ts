import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isAllowedAddress, type PrivateAllowance } from './address-policy';

/** Resolves a host name to every address it has (node's dns.lookup with `all`; tests inject one). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** Called with the checked address right before a connection is opened (tests: fail if reached). */
export type ConnectHook = (target: { address: string; port: number; hostname: string }) => void;

export interface EgressPolicy {
  /** https only (production), or http too. */
  requireHttps: boolean;
  allowPrivate: PrivateAllowance;
  resolver?: Resolver;
  connect?: ConnectHook;
}

/** Where outgoing webhooks may go: https and public addresses in production; loopback on request outside it. */
export function egressPolicyFromEnv(env: {
  isProduction: boolean;
  webhooks: { allowPrivate: PrivateAllowance };
}): EgressPolicy {
  return {
    requireHttps: env.isProduction,
    allowPrivate: env.isProduction ? 'none' : env.webhooks.allowPrivate,
  };
}

export const defaultResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why a URL or its address is refused, naming what a person should fix. */
export class EgressRefused extends Error {}

/**
 * Checks a webhook URL's form and resolves its host, refusing private, loopback, link-local,
 * multicast and metadata addresses. Every address the name resolves to must be allowed (a name
 * that answers with one public and one private address is refused). Returns the address to
 * connect to: the caller connects to exactly that one, so an answer that changes between check
 * and connect (DNS rebinding) changes nothing.
 */
export async function checkTarget(
  rawUrl: string,
  policy: EgressPolicy,
): Promise<{ url: URL; address: string; family: number; port: number }> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new EgressRefused('Enter a valid URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !policy.requireHttps)) {
    throw new EgressRefused(policy.requireHttps ? 'Use an https:// URL.' : 'Use an http:// or https:// URL.');
  }
  if (url.username || url.password)
    throw new EgressRefused('Remove the user name and password from the URL.');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const answers = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await (policy.resolver ?? defaultResolver)(hostname).catch(() => {
        throw new EgressRefused(`The host ${hostname} could not be resolved.`);
      });
  if (answers.length === 0) throw new EgressRefused(`The host ${hostname} could not be resolved.`);
  for (const answer of answers) {
    if (!isAllowedAddress(answer.address, policy.allowPrivate)) {
      throw new EgressRefused('This URL points to a private or reserved address; use a public one.');
    }
  }
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { url, address: answers[0]!.address, family: answers[0]!.family, port };
}

export interface EgressResponse {
  status: number;
  /** At most `maxBodyBytes` of the body, as text. */
  body: string;
  durationMs: number;
}

export interface EgressRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

// Keep-alive pools: a receiver taking a burst reuses connections. A pooled socket was opened to an
// address checked when it was opened.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' }),
};

/**
 * POSTs one webhook: the URL is checked and resolved first (checkTarget), the connection goes to the
 * checked address (TLS still verifies the certificate against the host name), redirects are not
 * followed (a 3xx is an answer like any other non-2xx), and the whole exchange — connect, headers,
 * body — is bounded by `timeoutMs`. Throws EgressRefused for a refused target and an Error for a
 * transport failure; an HTTP answer of any status resolves.
 */
export async function postWebhook(request: EgressRequest, policy: EgressPolicy): Promise<EgressResponse> {
  const started = performance.now();
  const target = await checkTarget(request.url, policy);
  policy.connect?.({ address: target.address, port: target.port, hostname: target.url.hostname });
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else callback(null, target.address, target.family);
  };
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise<EgressResponse>((resolve, reject) => {
    const outgoing = transport.request(
      target.url,
      {
        method: 'POST',
        agent: agents[target.url.protocol as 'http:' | 'https:'],
        lookup,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Plinth-Webhooks/1',
          'content-length': String(Buffer.byteLength(request.body)),
          ...request.headers,
        },
        timeout: request.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          clearTimeout(deadline);
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).subarray(0, request.maxBodyBytes).toString('utf8'),
            durationMs: Math.round(performance.now() - started),
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (size < request.maxBodyBytes) chunks.push(chunk);
          size += chunk.length;
          // Enough kept: stop reading a large body (the connection is then not reused).
          if (size > request.maxBodyBytes * 4) {
            response.destroy();
            finish();
          }
        });
        response.on('end', finish);
        response.on('error', (error) => {
          clearTimeout(deadline);
          reject(error);
        });
      },
    );
    const deadline = setTimeout(() => {
      outgoing.destroy(new Error(`no complete answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`)));
    outgoing.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    outgoing.end(request.body);
  });
}
