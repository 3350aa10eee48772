'use server';

import { listAuditLog } from '@plinth/core/audit';
import { READS_ONLY, runAction, type ActionResult } from '../../../../../lib/action-result';
import { actionMember, tenancyDeps } from '../../../../../lib/workspace-context';
import { toAuditEntry, type AuditEntry } from './audit-entry';

export interface AuditQuery {
  actorId?: string;
  action?: string;
  /** ISO instants: events at or after `from` and before `to`. */
  from?: string;
  to?: string;
  cursor?: string;
}

/** The next page of the audit log, with the same filters; audit.read is checked in core. */
export async function loadAuditLogAction(
  slug: string,
  query: AuditQuery,
): Promise<ActionResult<{ items: AuditEntry[]; nextCursor: string | null }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const page = await listAuditLog(tenancyDeps(), actor, {
      actorId: query.actorId,
      action: query.action,
      cursor: query.cursor,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
    return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
  }, READS_ONLY);
}
