// Client IP: who is on the other end of a request — the socket peer, or behind configured trusted
// proxies the first X-Forwarded-For hop they did not add themselves. Used by rate limits, logs, audit.
export { resolveClientIp, type ClientIpSource } from './resolve-client-ip';
export { TrustedProxies } from './trusted-proxies';
export { normalizeIp, clientAddressBlock } from './normalize-ip';
