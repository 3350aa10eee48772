'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useToast } from '../../../../components/ui/toast';
import { isCatalogedCategory } from '../../../../lib/notification-text';

type Mode = 'on' | 'off' | 'digest';
interface Category {
  category: string;
  label: string;
  description: string;
  channels: { in_app?: { mode: Mode; locked: boolean }; email?: { mode: Mode; locked: boolean } };
}

/** Reads and writes GET/PATCH /api/v1/me/notification-preferences; the server enforces the locks. */
export function PreferencesForm() {
  const t = useTranslations('account.notifications');
  const tCategories = useTranslations('notifications.categories');
  const { toast } = useToast();
  /** The category's name and description in the reader's language; the server's words for one the catalog lacks. */
  const wordsOf = (entry: Category) =>
    isCatalogedCategory(entry.category)
      ? {
          label: tCategories(`${entry.category}.label`),
          description: tCategories(`${entry.category}.description`),
        }
      : { label: entry.label, description: entry.description };
  const [categories, setCategories] = useState<Category[] | null>(null);

  useEffect(() => {
    void (async () => {
      const response = await fetch('/api/v1/me/notification-preferences', { cache: 'no-store' });
      if (response.ok) setCategories(((await response.json()) as { categories: Category[] }).categories);
    })();
  }, []);

  async function change(category: string, channel: 'in_app' | 'email', mode: Mode) {
    const response = await fetch('/api/v1/me/notification-preferences', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changes: [{ category, channel, mode }] }),
    });
    const body = (await response.json()) as { categories?: Category[]; error?: { message: string } };
    if (!response.ok || !body.categories) {
      toast({
        title: t('notSaved'),
        description: body.error?.message ?? t('tryAgain'),
        variant: 'destructive',
      });
      return;
    }
    setCategories(body.categories);
    toast({ title: t('saved') });
  }

  if (!categories) return <p className="text-sm text-muted-foreground">{t('loading')}</p>;
  return (
    <table className="w-full text-sm" data-testid="notification-preferences">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="py-2 font-medium">{t('category')}</th>
          <th className="py-2 font-medium">{t('inApp')}</th>
          <th className="py-2 font-medium">{t('email')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {categories
          .filter((entry) => entry.channels.in_app || entry.channels.email)
          .map((entry) => ({ entry, words: wordsOf(entry) }))
          .map(({ entry, words }) => (
            <tr key={entry.category}>
              <td className="py-3 pr-4 align-top">
                <div className="font-medium">{words.label}</div>
                <div className="text-xs text-muted-foreground">{words.description}</div>
              </td>
              <td className="py-3 pr-4 align-top">
                {entry.channels.in_app ? (
                  <input
                    type="checkbox"
                    aria-label={t('inAppLabel', { category: words.label })}
                    checked={entry.channels.in_app.mode !== 'off'}
                    disabled={entry.channels.in_app.locked}
                    onChange={(event) =>
                      void change(entry.category, 'in_app', event.target.checked ? 'on' : 'off')
                    }
                  />
                ) : null}
              </td>
              <td className="py-3 align-top">
                {entry.channels.email ? (
                  <select
                    aria-label={t('emailLabel', { category: words.label })}
                    value={entry.channels.email.mode}
                    disabled={entry.channels.email.locked}
                    onChange={(event) => void change(entry.category, 'email', event.target.value as Mode)}
                    className="rounded-md border border-border bg-background px-2 py-1"
                  >
                    <option value="on">{t('modeOn')}</option>
                    <option value="digest">{t('modeDigest')}</option>
                    <option value="off">{t('modeOff')}</option>
                  </select>
                ) : null}
                {entry.channels.email?.locked ? (
                  <span className="ml-2 text-xs text-muted-foreground">{t('alwaysSent')}</span>
                ) : null}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
