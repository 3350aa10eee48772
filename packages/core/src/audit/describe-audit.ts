import type { AuditRecord } from './list-audit-log';

// Audit records as English sentences a workspace owner reads ("Ada changed Grace's role from member
// to admin"), for the export and the API's `summary`. The page words the same records in the
// reader's language from the web catalogs, and falls back to this sentence for an action they lack.

/** What a sentence about an audit record reads from it (core's English one, and the page's). */
export type DescribableAuditRecord = Pick<
  AuditRecord,
  | 'action'
  | 'actorType'
  | 'actorId'
  | 'actorName'
  | 'actorDeleted'
  | 'impersonatorId'
  | 'targetType'
  | 'targetId'
  | 'targetName'
  | 'targetDeleted'
  | 'metadata'
>;

/** The platform's own actors, by the name they record under. */
const systemActorNames: Record<string, string> = {
  'stripe-webhook': 'Stripe',
  staff: 'Plinth support',
  'billing.effects': 'Billing',
  'billing.reconcile': 'Billing',
  'billing.sync': 'Billing',
  entitlements: 'Billing',
  webhooks: 'Webhook delivery',
  'files.cleanup': 'File cleanup',
  'files.images': 'Image processing',
  'files.scan': 'The file scanner',
  storage: 'File storage',
  seed: 'The demo seed',
};

export function auditActorLabel(record: DescribableAuditRecord): string {
  if (record.actorType === 'system') return systemActorNames[record.actorId] ?? 'Plinth';
  if (record.actorType === 'api_key') {
    return record.actorName ? `The API key “${record.actorName}”` : 'An API key';
  }
  if (record.actorDeleted) return 'A deleted account';
  return record.actorName ?? 'Someone';
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : null;

/** The target as a noun phrase: a person's name, "the project “Launch”", or a fallback. */
function targetPhrase(record: DescribableAuditRecord, kind: string): string {
  const name = record.targetName ?? text(record.metadata.name) ?? text(record.metadata.url);
  if (record.targetType === 'user') {
    if (record.targetDeleted) return 'a deleted account';
    return name ?? 'someone';
  }
  return name ? `the ${kind} “${name}”` : `${/^[aeiou]/iu.test(kind) ? 'an' : 'a'} ${kind}`;
}

const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);

type Sentence = (actor: string, record: DescribableAuditRecord) => string;

const sentences: Record<string, Sentence> = {
  'workspace.created': (a) => `${a} created the workspace`,
  'workspace.onboarding_dismissed': (a) => `${a} hid the getting-started checklist`,
  'workspace.renamed': (a, r) =>
    text(r.metadata.name)
      ? `${a} renamed the workspace to “${text(r.metadata.name)}”`
      : `${a} renamed the workspace`,
  'workspace.deleted': (a) => `${a} deleted the workspace`,
  'workspace.restored': (a) => `${a} restored the workspace`,
  'workspace.ownership_transferred': (a, r) => `${a} made ${targetPhrase(r, 'member')} the owner`,
  'member.role_changed': (a, r) => {
    const from = text(r.metadata.from);
    const to = text(r.metadata.to);
    const who = possessive(targetPhrase(r, 'member'));
    return to
      ? `${a} changed ${who} role${from ? ` from ${from}` : ''} to ${to}`
      : `${a} changed ${who} role`;
  },
  'member.removed': (a, r) => `${a} removed ${targetPhrase(r, 'member')} from the workspace`,
  'member.left': (a) => `${a} left the workspace`,
  'invitation.sent': (a, r) => {
    const email = text(r.metadata.email);
    const role = text(r.metadata.role);
    return `${a} invited ${email ?? 'someone'}${role ? ` as ${role}` : ''}`;
  },
  'invitation.resent': (a) => `${a} sent an invitation again`,
  'invitation.revoked': (a) => `${a} revoked an invitation`,
  'invitation.accepted': (a, r) =>
    text(r.metadata.role) ? `${a} joined as ${text(r.metadata.role)}` : `${a} joined the workspace`,
  'project.created': (a, r) => `${a} created ${targetPhrase(r, 'project')}`,
  'project.updated': (a, r) => `${a} updated ${targetPhrase(r, 'project')}`,
  'project.deleted': (a, r) => `${a} deleted ${targetPhrase(r, 'project')}`,
  'api_key.created': (a, r) => `${a} created ${targetPhrase(r, 'API key')}`,
  'api_key.revoked': (a, r) => `${a} revoked ${targetPhrase(r, 'API key')}`,
  'webhook_endpoint.created': (a, r) => `${a} added ${targetPhrase(r, 'webhook endpoint')}`,
  'webhook_endpoint.updated': (a, r) => `${a} changed ${targetPhrase(r, 'webhook endpoint')}`,
  'webhook_endpoint.deleted': (a, r) => `${a} deleted ${targetPhrase(r, 'webhook endpoint')}`,
  'webhook_endpoint.secret_rotated': (a, r) =>
    `${a} rotated the signing secret of ${targetPhrase(r, 'webhook endpoint')}`,
  'webhook_endpoint.test_sent': (a, r) => `${a} sent a test event to ${targetPhrase(r, 'webhook endpoint')}`,
  'webhook_endpoint.disabled': (a, r) =>
    `${a} turned off ${targetPhrase(r, 'webhook endpoint')} after repeated failures`,
  'webhook_delivery.retried': (a) => `${a} retried a webhook delivery`,
  'file.upload_started': (a) => `${a} started an upload`,
  'file.uploaded': (a, r) => `${a} uploaded ${targetPhrase(r, 'file')}`,
  'file.rejected': (a, r) =>
    text(r.metadata.reason)
      ? `${a} rejected an upload (${text(r.metadata.reason)})`
      : `${a} rejected an upload`,
  'file.scan_clean': (a) => `${a} found an upload clean`,
  'file.scan_flagged': (a) => `${a} flagged an upload`,
  'file.deleted': (a, r) => `${a} deleted ${targetPhrase(r, 'file')}`,
  'flag.override_set': (a, r) => `${a} set the flag “${r.targetId ?? '?'}” for this workspace`,
  'flag.override_cleared': (a, r) => `${a} cleared the flag “${r.targetId ?? '?'}” for this workspace`,
  'workspace.suspended': (a) => `${a} suspended the workspace`,
  'workspace.unsuspended': (a) => `${a} lifted the workspace's suspension`,
  'workspace.plan_override_set': (a, r) =>
    text(r.metadata.plan)
      ? `${a} granted the ${planWord(text(r.metadata.plan)!)} plan${untilPhrase(r.metadata.expiresAt)}`
      : `${a} granted a plan`,
  'workspace.plan_override_cleared': (a, r) =>
    text(r.metadata.plan)
      ? `${a} ended the granted ${planWord(text(r.metadata.plan)!)} plan`
      : `${a} ended a granted plan`,
  'notification.preferences_updated': (a) => `${a} changed their notification settings for this workspace`,
};

/** "team" → "Team": plan keys as people read them. */
function planWord(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** " until 2027-01-31" from an ISO timestamp (UTC, as the log's filters are), or nothing. */
function untilPhrase(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? ` until ${at.toISOString().slice(0, 10)}` : '';
}

/** "project.deleted" → "Project deleted": the label of an action nobody wrote a sentence for. */
export function auditActionLabel(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The record as one sentence; staff acting as the person are named as such. */
export function describeAuditRecord(record: DescribableAuditRecord): string {
  const actor = auditActorLabel(record);
  const sentence =
    sentences[record.action]?.(actor, record) ?? `${actor}: ${auditActionLabel(record.action).toLowerCase()}`;
  return record.impersonatorId ? `${sentence} (by platform staff, signed in as them)` : sentence;
}

/** Actions a workspace's log holds, with their labels, for the filter. */
export const workspaceAuditActions: readonly { action: string; label: string }[] = Object.keys(sentences)
  .filter((action) => action !== 'notification.preferences_updated')
  .map((action) => ({ action, label: auditActionLabel(action) }));
