import { z } from 'zod';
import { withTenant, type Database } from '@plinth/db';
import { assertCan } from '../access/index';
import type { Actor } from '../actor/index';
import { requireFeature } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';
import { auditActorLabel, describeAuditRecord } from './describe-audit';
import {
  checkRange,
  countAuditRecords,
  listAuditLogInput,
  readAuditPage,
  type AuditRecord,
} from './list-audit-log';
import { audit, type AuditOrigin } from './record-audit';

/** The most records one export holds: a longer range is refused up front, never cut short. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const PAGE = 1_000;

export const exportAuditLogInput = listAuditLogInput
  .pick({ actorId: true, action: true, from: true, to: true })
  .extend({ format: z.enum(['csv', 'json'], { error: 'Choose csv or json.' }).default('csv') });
export type ExportAuditLogInput = z.input<typeof exportAuditLogInput>;

export interface AuditExport {
  format: 'csv' | 'json';
  contentType: string;
  /** How many records the export holds (counted before the first byte). */
  rows: number;
  /** The body, a page of records at a time, each page read in its own short transaction. */
  chunks: AsyncIterable<string>;
}

const csvColumns = [
  'occurred_at',
  'summary',
  'action',
  'actor_type',
  'actor_id',
  'actor_name',
  'impersonator_id',
  'target_type',
  'target_id',
  'target_name',
  'ip',
  'user_agent',
  'request_id',
  'metadata',
] as const;

/** How ids are written: as stored, or as the caller's public ids (the REST API's `user_…`). */
export type AuditRef = (type: string, id: string) => string;
const asStored: AuditRef = (_type, id) => id;

function exportedFields(
  record: AuditRecord,
  ref: AuditRef,
): Record<(typeof csvColumns)[number], string | null> {
  return {
    occurred_at: record.occurredAt.toISOString(),
    summary: describeAuditRecord(record),
    action: record.action,
    actor_type: record.actorType,
    actor_id: ref(record.actorType, record.actorId),
    actor_name:
      record.actorType === 'user' && !record.actorDeleted ? record.actorName : auditActorLabel(record),
    impersonator_id: record.impersonatorId && ref('user', record.impersonatorId),
    target_type: record.targetType,
    target_id:
      record.targetType && record.targetId ? ref(record.targetType, record.targetId) : record.targetId,
    target_name: record.targetDeleted ? null : record.targetName,
    ip: record.ip,
    user_agent: record.userAgent,
    request_id: record.requestId,
    metadata: JSON.stringify(record.metadata ?? {}),
  };
}

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) is prefixed with an apostrophe: names and user agents are typed by others.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A workspace's audit records of a range as CSV or JSON, for owners and admins on a plan with the
 * audit log. Counted first: more than AUDIT_EXPORT_MAX_ROWS is a 400 naming `from` (narrow the
 * range), so an export is whole or not at all. The export is itself audited.
 */
export async function exportAuditLog(
  deps: { database: Database },
  actor: Actor & { workspaceId: string },
  input: ExportAuditLogInput,
  origin: AuditOrigin = {},
  options: { maxRows?: number; ref?: AuditRef } = {},
): Promise<AuditExport> {
  const maxRows = options.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const ref = options.ref ?? asStored;
  assertCan(actor, 'audit.read');
  const { format, ...filters } = parseInput(exportAuditLogInput, input);
  checkRange(filters);
  const { count: rows, newestId } = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    await requireFeature(tx, actor, 'audit_log');
    const counted = await countAuditRecords(tx, actor.workspaceId, filters, maxRows + 1);
    const count = counted.count;
    if (count > maxRows) {
      throw new AppError('invalid_input', 'Invalid input.', {
        fields: {
          from: `More than ${maxRows.toLocaleString('en-US')} events match: choose a shorter range.`,
        },
      });
    }
    await audit(
      tx,
      actor,
      {
        action: 'audit.exported',
        metadata: {
          format,
          rows: count,
          ...(filters.from ? { from: filters.from.toISOString() } : {}),
          ...(filters.to ? { to: filters.to.toISOString() } : {}),
          ...(filters.actorId ? { actorId: filters.actorId } : {}),
          ...(filters.action ? { action: filters.action } : {}),
        },
      },
      origin,
    );
    return counted;
  });

  // Pages newest first by id, up to the newest record counted: what is written while the export
  // streams (its own row included) is left out, so the body holds exactly the rows counted.
  async function* pages(): AsyncGenerator<AuditRecord[]> {
    let cursor: string | undefined;
    let left = rows;
    while (left > 0) {
      const page = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
        readAuditPage(tx, actor.workspaceId, filters, {
          cursor,
          limit: Math.min(PAGE, left),
          upTo: newestId ?? undefined,
        }),
      );
      if (page.length === 0) return;
      yield page;
      left -= page.length;
      cursor = page[page.length - 1]!.id;
    }
  }

  async function* csv(): AsyncGenerator<string> {
    yield `${csvColumns.join(',')}\r\n`;
    for await (const page of pages()) {
      yield page
        .map((record) => {
          const fields = exportedFields(record, ref);
          return `${csvColumns.map((column) => csvCell(fields[column])).join(',')}\r\n`;
        })
        .join('');
    }
  }

  async function* json(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const page of pages()) {
      const body = page
        .map((record) => {
          // Every column but metadata, which stays an object here (the CSV's cell is its JSON text).
          const { metadata: _text, ...fields } = exportedFields(record, ref);
          return JSON.stringify({
            id: ref('audit_event', record.id),
            ...fields,
            metadata: record.metadata ?? {},
          });
        })
        .join(',\n');
      yield `${first ? '\n' : ',\n'}${body}`;
      first = false;
    }
    yield '\n]\n';
  }

  return format === 'csv'
    ? { format, contentType: 'text/csv; charset=utf-8', rows, chunks: csv() }
    : { format, contentType: 'application/json; charset=utf-8', rows, chunks: json() };
}
