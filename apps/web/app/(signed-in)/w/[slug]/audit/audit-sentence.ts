import type { DescribableAuditRecord } from '@plinth/core/audit';

// An audit record as the parts of a sentence in the reader's language: the action picks a message
// of the `audit.sentences` catalog (`member.role_changed` → `sentences.member.role_changed`), and
// the names kept with the record fill it in. Core's English sentence (`describeAuditRecord`) stays
// the export's and the API's `summary`, and the page's fallback for an action the catalog lacks.

type Describable = DescribableAuditRecord;

/** The platform's own actors, by the name they record under → their key in `audit.systemActors`. */
const systemActors: Record<string, string> = {
  'stripe-webhook': 'stripe',
  staff: 'staff',
  'billing.effects': 'billing',
  'billing.reconcile': 'billing',
  'billing.sync': 'billing',
  entitlements: 'billing',
  webhooks: 'webhooks',
  'files.cleanup': 'fileCleanup',
  'files.images': 'imageProcessing',
  'files.scan': 'fileScanner',
  storage: 'fileStorage',
  seed: 'seed',
};

/** Who acted: a key of `audit.actors` and the name it takes. */
export type AuditActorParts =
  | { kind: 'person' | 'apiKey'; name: string }
  | { kind: 'deletedAccount' | 'someone' | 'unnamedApiKey' }
  | { kind: 'system'; system: string };

export interface AuditSentenceParts {
  actor: AuditActorParts;
  /**
   * The message's arguments, all strings (ICU `select` keys included). Every argument a sentence
   * may use is present, empty when the record lacks it, so no branch meets an unset argument.
   */
  values: Record<string, string>;
  /** An ISO instant to show as a date (`{until}` of a granted plan), formatted by the reader. */
  until: string | null;
  /** Platform staff acted while signed in as the person. */
  byStaff: boolean;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

function actorParts(record: Describable): AuditActorParts {
  if (record.actorType === 'system')
    return { kind: 'system', system: systemActors[record.actorId] ?? 'plinth' };
  if (record.actorType === 'api_key') {
    return record.actorName ? { kind: 'apiKey', name: record.actorName } : { kind: 'unnamedApiKey' };
  }
  if (record.actorDeleted) return { kind: 'deletedAccount' };
  return record.actorName ? { kind: 'person', name: record.actorName } : { kind: 'someone' };
}

/** The parts of one record's sentence; computed on the server, rendered in the reader's locale. */
export function auditSentenceParts(record: Describable): AuditSentenceParts {
  const metadata = record.metadata ?? {};
  // The target's name as written with the row (or today's, for a person), else from the metadata
  // of rows written before names were kept.
  // A deleted person's name is not shown (core says "a deleted account", the export leaves it out).
  const deletedPerson = record.targetType === 'user' && record.targetDeleted === true;
  const name = deletedPerson ? '' : (record.targetName ?? (text(metadata.name) || text(metadata.url)));
  const memberKind =
    record.targetType !== 'user' ? 'none' : record.targetDeleted ? 'deleted' : name ? 'person' : 'someone';
  const from = text(metadata.from);
  const to = text(metadata.to);
  const plan = text(metadata.plan);
  const yesNo = (value: string) => (value ? 'yes' : 'no');
  const untilAt = typeof metadata.expiresAt === 'string' ? new Date(metadata.expiresAt) : null;
  const until = untilAt && !Number.isNaN(untilAt.getTime()) ? untilAt.toISOString() : null;
  return {
    actor: actorParts(record),
    values: {
      name,
      named: yesNo(name),
      member: record.targetType === 'user' ? name : '',
      memberKind,
      // The workspace's new name, for a rename.
      newName: text(metadata.name),
      hasNewName: yesNo(text(metadata.name)),
      from,
      to,
      change: to ? (from ? 'fromTo' : 'to') : 'unknown',
      email: text(metadata.email),
      hasEmail: yesNo(text(metadata.email)),
      role: text(metadata.role),
      hasRole: yesNo(text(metadata.role)),
      reason: text(metadata.reason),
      hasReason: yesNo(text(metadata.reason)),
      // Only a flag's id is its name (its key); other targets' ids never reach the browser.
      flag: record.targetType === 'flag' ? (record.targetId ?? '') : '',
      // Plan keys as people read them: "team" → "Team" (a name, the same in every language).
      plan: plan.charAt(0).toUpperCase() + plan.slice(1),
      hasPlan: yesNo(plan),
    },
    until,
    byStaff: record.impersonatorId !== null && record.impersonatorId !== undefined,
  };
}

/** A translator over the `audit` namespace, however the caller got it (hook, server, test). */
export interface AuditTranslator {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
}

/** The catalog key of an action's sentence: `member.role_changed` → `sentences.member.role_changed`. */
export const sentenceKey = (action: string) => `sentences.${action}`;
/** The catalog key of an action's label in the filter. */
export const actionLabelKey = (action: string) => `actionLabels.${action}`;

/**
 * The record as a sentence in the translator's language, or `fallback` (core's English sentence)
 * when the catalog has no sentence for its action. `formatDate` shows `until` (a UTC day).
 */
export function renderAuditSentence(
  t: AuditTranslator,
  action: string,
  parts: AuditSentenceParts,
  fallback: string,
  formatDate: (iso: string) => string,
): string {
  if (!/^[a-z_]+\.[a-z_]+$/u.test(action) || !t.has(sentenceKey(action))) return fallback;
  const actorPhrase =
    parts.actor.kind === 'system'
      ? t(`systemActors.${parts.actor.system}`)
      : t(`actors.${parts.actor.kind}`, 'name' in parts.actor ? { name: parts.actor.name } : {});
  const sentence = t(sentenceKey(action), {
    ...parts.values,
    actor: actorPhrase,
    hasUntil: parts.until ? 'yes' : 'no',
    until: parts.until ? formatDate(parts.until) : '',
  });
  return parts.byStaff ? t('byStaff', { sentence }) : sentence;
}
