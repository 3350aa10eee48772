import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { describeAuditRecord, workspaceAuditActions, type AuditRecord } from '@plinth/core/audit';
import { LOCALES } from '@plinth/core/locales';
import {
  actionLabelKey,
  auditSentenceParts,
  renderAuditSentence,
  sentenceKey,
  type AuditTranslator,
} from '../apps/web/app/(signed-in)/w/[slug]/audit/audit-sentence';
import de from '../apps/web/messages/de.json';
import en from '../apps/web/messages/en.json';

// The audit page words each record from the web catalog by its action (docs/decisions/0039): every
// action core's log holds must have a sentence and a filter label in every catalog, the English
// sentences must read as core's (the export's and the API's `summary`), and a missing one falls back
// to core's sentence rather than a raw key.

const catalogs = { en, de } as const;

/** A translator over one catalog's `audit` namespace that throws on a missing key or argument. */
function translator(locale: keyof typeof catalogs): AuditTranslator {
  const t = createTranslator({
    locale,
    messages: catalogs[locale],
    namespace: 'audit',
    onError: (error) => {
      throw error;
    },
  });
  return Object.assign((key: string, values?: Record<string, string>) => t(key as never, values as never), {
    has: (key: string) => t.has(key as never),
  });
}

type Describable = Parameters<typeof auditSentenceParts>[0] & Parameters<typeof describeAuditRecord>[0];

/** A record of `action` by Ada, with every name and detail a sentence may use. */
function record(action: string, overrides: Partial<Describable> = {}): Describable {
  const onPerson = /^(member\.|workspace\.ownership)/u.test(action);
  return {
    action,
    actorType: 'user',
    actorId: '00000000-0000-4000-8000-000000000001',
    actorName: 'Ada',
    actorDeleted: false,
    impersonatorId: null,
    targetType: onPerson ? 'user' : action.split('.')[0]!,
    targetId: onPerson ? '00000000-0000-4000-8000-000000000002' : 'beta-search',
    targetName: onPerson ? 'Grace' : 'Launch',
    targetDeleted: false,
    metadata: {
      from: 'member',
      to: 'admin',
      role: 'viewer',
      email: 'grace@example.com',
      name: 'Acme Labs',
      plan: 'team',
      expiresAt: '2027-01-31T12:00:00.000Z',
      reason: 'too_large',
    },
    ...overrides,
  } as Describable;
}

const isoDay = (iso: string) => iso.slice(0, 10);

describe('audit sentences in the web catalogs', () => {
  const actions = workspaceAuditActions.map((known) => known.action);

  it('core lists the actions a workspace log holds', () => {
    expect(actions).toContain('project.deleted');
    expect(actions.length).toBeGreaterThan(30);
  });

  it.each([...LOCALES])('%s has a sentence and a filter label for every audited action', (locale) => {
    const t = translator(locale);
    expect(
      actions.filter((action) => !t.has(sentenceKey(action))),
      'no sentence',
    ).toEqual([]);
    expect(
      actions.filter((action) => !t.has(actionLabelKey(action))),
      'no label',
    ).toEqual([]);
  });

  it('English words every action as core does', () => {
    const t = translator('en');
    const differ = actions
      .map((action) => record(action))
      .map((r) => [
        renderAuditSentence(t, r.action, auditSentenceParts(r), '(fallback)', isoDay),
        describeAuditRecord(r),
      ])
      .filter(([page, core]) => page !== core);
    expect(differ).toEqual([]);
  });

  it('English agrees with core for the other kinds of actor and target, and for staff', () => {
    const t = translator('en');
    const variants: Partial<Describable>[] = [
      { actorType: 'api_key', actorName: 'Deploy' },
      { actorType: 'api_key', actorName: null },
      { actorType: 'system', actorId: 'stripe-webhook', actorName: null },
      { actorType: 'system', actorId: 'something-new', actorName: null },
      { actorDeleted: true, actorName: null },
      { actorName: null },
      { targetName: null, metadata: {} },
      { targetDeleted: true, targetName: null },
      { impersonatorId: 'staff-1' },
    ];
    for (const action of actions) {
      for (const variant of variants) {
        const r = record(action, variant);
        expect(renderAuditSentence(t, action, auditSentenceParts(r), '(fallback)', isoDay)).toBe(
          describeAuditRecord(r),
        );
      }
    }
  });

  it('German names the same things in German', () => {
    const t = translator('de');
    const say = (r: Describable) =>
      renderAuditSentence(t, r.action, auditSentenceParts(r), '(fallback)', isoDay);
    expect(say(record('project.deleted'))).toBe('Ada hat das Projekt „Launch“ gelöscht');
    expect(say(record('member.role_changed'))).toBe(
      'Ada hat die Rolle von Grace von Mitglied auf Admin geändert',
    );
    expect(say(record('member.removed', { targetDeleted: true, targetName: null }))).toBe(
      'Ada hat ein gelöschtes Konto aus dem Arbeitsbereich entfernt',
    );
    expect(say(record('invitation.accepted', { actorType: 'api_key', actorName: 'CI' }))).toBe(
      'Der API-Schlüssel „CI“ ist als Betrachter beigetreten',
    );
    expect(say(record('workspace.plan_override_set', { impersonatorId: 'staff-1' }))).toBe(
      'Ada hat den Tarif Team bis 2027-01-31 freigeschaltet (durch Plattform-Mitarbeitende, angemeldet als diese Person)',
    );
    for (const action of actions) {
      const sentence = say(record(action));
      expect(sentence, action).not.toBe('(fallback)');
      expect(sentence, action).not.toMatch(/[{}]/u);
    }
  });

  it('an action the catalog lacks reads as core’s sentence', () => {
    const r = record('billing.plan_changed');
    expect(
      renderAuditSentence(translator('de'), r.action, auditSentenceParts(r), 'Core says so', isoDay),
    ).toBe('Core says so');
    // An action key is looked up as a catalog path only when it has the shape of one.
    const odd = record('sentences');
    expect(renderAuditSentence(translator('en'), odd.action, auditSentenceParts(odd), 'Core', isoDay)).toBe(
      'Core',
    );
  });
});

describe('audit records as the page receives them', () => {
  it('carry only strings in their sentence values (they cross to the browser)', () => {
    const parts = auditSentenceParts(record('workspace.plan_override_set') as unknown as AuditRecord);
    expect(Object.values(parts.values).every((value) => typeof value === 'string')).toBe(true);
    expect(parts.until).toBe('2027-01-31T12:00:00.000Z');
  });

  it("carry no target id but a flag's key, and no name of a deleted person", () => {
    const member = auditSentenceParts(record('member.role_changed'));
    expect(Object.values(member.values)).not.toContain('00000000-0000-4000-8000-000000000002');
    expect(member.values.member).toBe('Grace');
    const flag = auditSentenceParts(
      record('flag.override_set', { targetType: 'flag', targetId: 'beta-search' }),
    );
    expect(flag.values.flag).toBe('beta-search');
    const project = auditSentenceParts(record('project.deleted'));
    expect(project.values.flag).toBe('');
    const deleted = auditSentenceParts(record('member.removed', { targetDeleted: true }));
    expect(deleted.values.memberKind).toBe('deleted');
    expect([deleted.values.name, deleted.values.member]).toEqual(['', '']);
  });
});
