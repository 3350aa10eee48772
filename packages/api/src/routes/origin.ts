import type { Context } from 'hono';
import type { AuditOrigin } from '@plinth/core/audit';
import type { ApiEnv } from '../types';

/** What the audit log records about where a request came from. */
export function auditOrigin<E extends ApiEnv>(c: Context<E>): AuditOrigin {
  return {
    ip: (c as unknown as Context<ApiEnv>).get('clientIp') ?? null,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    requestId: (c as unknown as Context<ApiEnv>).get('requestId'),
  };
}
