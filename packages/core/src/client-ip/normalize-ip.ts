import { isIPv4, isIPv6 } from 'node:net';

/**
 * One spelling per address, so that one client is one rate-limit key and one audit value:
 * IPv4 as dotted quad; IPv6 in RFC 5952 form (lower case, no leading zeros, longest zero run
 * compressed); IPv4-mapped IPv6 (`::ffff:127.0.0.1`, `::ffff:7f00:1`) as the IPv4 address it
 * carries; zone ids (`fe80::1%eth0`) dropped. Anything that is not an address gives undefined.
 */
export function normalizeIp(value: string): string | undefined {
  const text = value.trim();
  if (isIPv4(text)) return text;
  const zoneless = text.split('%', 1)[0]!;
  if (!isIPv6(text) || !isIPv6(zoneless)) return undefined;
  const groups = ipv6Groups(zoneless);
  if (!groups) return undefined;
  return isIpv4Mapped(groups) ? ipv4FromGroups(groups[6]!, groups[7]!) : formatIpv6(groups);
}

/**
 * The block of addresses one client can be expected to hold, for rate-limit keys: an IPv4 address
 * by itself, an IPv6 address by its /64 (a single host is routinely given a whole /64, so keying on
 * the full address would let it rotate through 2^64 keys). Takes a normalised address; returns
 * anything else unchanged.
 */
export function clientAddressBlock(ip: string): string {
  if (!isIPv6(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return ip;
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/** The eight 16-bit groups of a valid, zoneless IPv6 address. */
function ipv6Groups(text: string): number[] | undefined {
  let hex = text.toLowerCase();
  // A trailing dotted quad (`::ffff:1.2.3.4`) becomes its two hex groups.
  const lastColon = hex.lastIndexOf(':');
  const tail = hex.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    hex = `${hex.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = hex.split('::');
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const zeros = halves.length > 1 ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(Math.max(zeros, 0)).fill('0'), ...right].map((group) =>
    Number.parseInt(group, 16),
  );
  if (groups.length !== 8 || groups.some((group) => !(group >= 0 && group <= 0xffff))) return undefined;
  return groups;
}

function isIpv4Mapped(groups: number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** RFC 5952: the longest run of two or more zero groups (the first, on a tie) becomes `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end++;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
