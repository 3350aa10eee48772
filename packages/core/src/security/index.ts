// Security: the response headers both surfaces (API and pages) send, from one function.
export { securityHeaders, type SecurityHeaderOptions } from './security-headers';
