import { readFileSync } from 'node:fs';
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import {
  describeNotification,
  notificationTypes,
  type NotificationData,
  type NotificationType,
} from '@plinth/core/notifications';
import { notificationTitle } from '../../apps/web/lib/notification-text';

// The inbox words each notification from the web catalog by its type and data, in the reader's
// language (apps/web/lib/notification-text.ts); core's English title is the fallback. These run
// the real catalogs through use-intl's translator, the one next-intl uses.

type Translator = Parameters<typeof notificationTitle>[1];

function translator(locale: 'en' | 'de'): Translator {
  const messages = JSON.parse(
    readFileSync(new URL(`../../apps/web/messages/${locale}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  return createTranslator({
    locale,
    messages,
    namespace: 'notifications',
    timeZone: 'UTC',
  }) as unknown as Translator;
}

/** One valid notification of every type core declares (a type missing here does not compile). */
const samples: { [T in NotificationType]: NotificationData<T> } = {
  'workspace.invitation_received': {
    workspaceName: 'Globex',
    inviterName: 'Bea Owner',
    role: 'admin',
    acceptUrl: 'https://app.example.com/invitations/accept?token=abc',
    expiresAt: '2026-12-12T10:00:00.000Z',
  },
  'workspace.role_changed': {
    workspaceName: 'Globex',
    workspaceSlug: 'globex',
    role: 'viewer',
    previousRole: 'member',
  },
  'workspace.removed': { workspaceName: 'Globex' },
  'billing.trial_ending': {
    workspaceName: 'Globex',
    workspaceSlug: 'globex',
    planName: 'Pro',
    trialEndsAt: '2026-12-20T09:00:00.000Z',
  },
  'billing.payment_failed': {
    workspaceName: 'Globex',
    workspaceSlug: 'globex',
    amountDue: 1200,
    currency: 'usd',
    invoiceUrl: 'https://pay.example.com/i/1',
    nextAttemptAt: null,
  },
  'billing.payment_action_required': {
    workspaceName: 'Globex',
    workspaceSlug: 'globex',
    amountDue: 1200,
    currency: 'usd',
    invoiceUrl: 'https://pay.example.com/i/1',
  },
  'billing.subscription_canceled': { workspaceName: 'Globex', workspaceSlug: 'globex', planName: 'Pro' },
  'security.new_sign_in': { ip: '203.0.113.7', userAgent: 'curl/8.0', at: '2026-12-05T10:00:00.000Z' },
};

const stored = (type: string, data: Record<string, unknown>) => ({
  type,
  data,
  title: describeNotification(type, data).title,
});

describe('notification titles in the reader’s language', () => {
  const en = translator('en');
  const de = translator('de');

  it.each(notificationTypes)('%s reads the same in English as core words it', (type) => {
    const item = stored(type, samples[type]);
    const expected =
      type === 'billing.trial_ending'
        ? // Core prints the ISO date; the catalog formats it with Intl in the reader's locale.
          item.title.replace('2026-12-20', 'Dec 20, 2026')
        : item.title;
    expect(notificationTitle(item, en)).toBe(expected);
  });

  it.each(notificationTypes)('%s has its own German title, with the data in it', (type) => {
    const item = stored(type, samples[type]);
    const german = notificationTitle(item, de);
    expect(german).not.toBe(notificationTitle(item, en));
    expect(german).not.toMatch(/[{}]/u);
    expect(german).toContain(type === 'security.new_sign_in' ? '203.0.113.7' : 'Globex');
  });

  it('words roles and dates for German readers', () => {
    expect(notificationTitle(stored('workspace.role_changed', samples['workspace.role_changed']), de)).toBe(
      'Ihre Rolle in Globex ist jetzt Betrachter (vorher Mitglied)',
    );
    expect(notificationTitle(stored('billing.trial_ending', samples['billing.trial_ending']), de)).toBe(
      'Globex: Die Testphase für Pro endet am 20. Dez. 2026',
    );
  });

  it('says "someone" when the inviter has no name', () => {
    const data = { ...samples['workspace.invitation_received'], inviterName: '' };
    expect(notificationTitle(stored('workspace.invitation_received', data), de)).toBe(
      'Jemand hat Sie als Admin zu Globex eingeladen',
    );
  });

  it('keeps the stored title for a type the catalog does not know, or data it cannot read', () => {
    expect(
      notificationTitle({ type: 'product.export_ready', data: {}, title: 'Your export is ready' }, de),
    ).toBe('Your export is ready');
    const broken = {
      type: 'billing.trial_ending',
      data: { workspaceName: 'Globex', planName: 'Pro' },
      title: 'x',
    };
    expect(notificationTitle(broken, de)).toBe('x');
  });
});
