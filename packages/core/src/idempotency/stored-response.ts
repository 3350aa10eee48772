/** A response kept for replay: what the first request answered. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  /** null for a response without a body (204). */
  body: string | null;
}

// Statuses that depend on timing or on other requests rather than on this request: a retry must
// run again rather than replay them. Every 5xx is in the same position (see isReplayableStatus).
const transient = new Set([408, 409, 423, 425, 429]);

/**
 * Whether a response is the request's settled outcome, worth replaying for 24 h: 2xx, and the 4xx
 * a retry of the same request would get again (validation, permission, plan limit). A 5xx, a
 * timeout, a conflict or a rate limit is not kept, so the client's retry really runs.
 */
export function isReplayableStatus(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !transient.has(status);
}

/** The response headers worth replaying; request ids, rate-limit and security headers are fresh each time. */
export const replayedHeaders = ['content-type', 'location', 'content-language'] as const;
