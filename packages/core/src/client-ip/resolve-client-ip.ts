import { normalizeIp } from './normalize-ip';
import { TrustedProxies } from './trusted-proxies';

export interface ClientIpSource {
  /** The TCP peer's address, as the socket reports it. */
  socketAddress: string | undefined;
  /** The X-Forwarded-For header: one value, or several when it was sent more than once. */
  forwardedFor: string | readonly string[] | undefined;
  /** Compiled once at start-up; a plain list is accepted (and compiled on each call) for scripts. */
  trustedProxies: TrustedProxies | readonly string[];
}

/**
 * The address of the client, normalised: the socket peer, unless that peer is a trusted proxy.
 * Behind trusted proxies, X-Forwarded-For is read from the right (each proxy appends the peer it
 * saw), skipping trusted proxies, and the first address nobody trusted wrote is the client. What a
 * client writes into the header itself sits to the left of that and is never reached, so rotating
 * it changes nothing. An entry that is not an address ends the walk at the last trusted hop.
 * Undefined only when the socket has no address (the connection is already gone).
 */
export function resolveClientIp(source: ClientIpSource): string | undefined {
  const trusted =
    source.trustedProxies instanceof TrustedProxies
      ? source.trustedProxies
      : new TrustedProxies(source.trustedProxies);
  let hop = source.socketAddress === undefined ? undefined : normalizeIp(source.socketAddress);
  if (!hop || trusted.size === 0 || !trusted.has(hop)) return hop;
  const entries = forwardedEntries(source.forwardedFor);
  for (let index = entries.length - 1; index >= 0; index--) {
    const address = forwardedAddress(entries[index]!);
    if (!address) return hop;
    if (!trusted.has(address)) return address;
    hop = address;
  }
  return hop;
}

function forwardedEntries(header: string | readonly string[] | undefined): string[] {
  if (header === undefined) return [];
  const values = typeof header === 'string' ? [header] : header;
  return values.flatMap((value) => value.split(','));
}

/** An X-Forwarded-For entry; some proxies add a port (`1.2.3.4:5678`, `[2001:db8::1]:443`). */
function forwardedAddress(entry: string): string | undefined {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) return normalizeIp(bracketed[1]!);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return normalizeIp(withPort ? withPort[1]! : text);
}
