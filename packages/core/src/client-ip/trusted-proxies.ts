import { BlockList, isIPv4 } from 'node:net';
import { normalizeIp } from './normalize-ip';

/**
 * The proxies whose X-Forwarded-For entries we believe: single addresses and CIDR blocks, IPv4 and
 * IPv6 (`10.0.0.0/8`, `fd00::/8`, `::ffff:10.0.0.1`). Built once at start-up from
 * `env.trustedProxies`; an entry that is not an address or a block stops the start, because a
 * silently ignored entry would key every client behind that proxy on the proxy's address.
 */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    this.entries = [...entries];
    for (const entry of entries) this.#add(entry);
  }

  /** True when `ip` (any spelling) is one of the trusted proxies. */
  has(ip: string): boolean {
    const address = normalizeIp(ip);
    if (!address) return false;
    return this.#list.check(address, isIPv4(address) ? 'ipv4' : 'ipv6');
  }

  get size(): number {
    return this.entries.length;
  }

  #add(entry: string): void {
    const [rawAddress = '', rawPrefix, ...rest] = entry.trim().split('/');
    const address = normalizeIp(rawAddress);
    if (!address || rest.length > 0) throw invalid(entry);
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (rawPrefix === undefined) {
      this.#list.addAddress(address, family);
      return;
    }
    let prefix = /^\d{1,3}$/.test(rawPrefix) ? Number(rawPrefix) : Number.NaN;
    // `::ffff:10.0.0.0/104` names an IPv4 block in mapped form; normalizeIp already made it IPv4.
    if (family === 'ipv4' && !isIPv4(rawAddress.trim())) prefix -= 96;
    if (!(prefix >= 0 && prefix <= (family === 'ipv4' ? 32 : 128))) throw invalid(entry);
    this.#list.addSubnet(address, prefix, family);
  }
}

function invalid(entry: string): TypeError {
  return new TypeError(
    `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block (examples: 10.0.0.1, 10.0.0.0/8, fd00::/8)`,
  );
}
