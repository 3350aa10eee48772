// Security: the response headers both surfaces (API and pages) send, from one function, and the
// origins a cookie-authenticated change may come from.
export { securityHeaders, type SecurityHeaderOptions } from './security-headers';
export { isTrustedOrigin, trustedOrigins } from './trusted-origins';
