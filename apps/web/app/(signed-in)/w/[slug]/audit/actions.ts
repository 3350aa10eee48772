'use server';

import { listAuditLog } from '@plinth/core/audit';
import { runAction, type ActionResult } from '../../../../../lib/action-result';
import { actionMember, tenancyDeps } from '../../../../../lib/workspace-context';
import { toAuditEntry, type AuditEntry } from './audit-entry';

export interface AuditQuery {
  actorId?: string;
  action?: string;
  cursor?: string;
}

/** The next page of the audit log, with the same filters; audit.read is checked in core. */
export async function loadAuditLogAction(
  slug: string,
  query: AuditQuery,
): Promise<ActionResult<{ items: AuditEntry[]; nextCursor: string | null }>> {
  return runAction(async () => {
    const { actor } = await actionMember(slug);
    const page = await listAuditLog(tenancyDeps(), actor, query);
    return { items: page.items.map(toAuditEntry), nextCursor: page.nextCursor };
  });
}
