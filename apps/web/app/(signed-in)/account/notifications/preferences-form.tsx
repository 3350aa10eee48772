'use client';

import { useEffect, useState } from 'react';
import { useToast } from '../../../../components/ui/toast';

type Mode = 'on' | 'off' | 'digest';
interface Category {
  category: string;
  label: string;
  description: string;
  channels: { in_app?: { mode: Mode; locked: boolean }; email?: { mode: Mode; locked: boolean } };
}

/** Reads and writes GET/PATCH /api/v1/me/notification-preferences; the server enforces the locks. */
export function PreferencesForm() {
  const { toast } = useToast();
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
      toast({ title: 'Not saved', description: body.error?.message ?? 'Try again.', variant: 'destructive' });
      return;
    }
    setCategories(body.categories);
    toast({ title: 'Saved' });
  }

  if (!categories) return <p className="text-sm text-muted-foreground">Loading…</p>;
  return (
    <table className="w-full text-sm" data-testid="notification-preferences">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="py-2 font-medium">Category</th>
          <th className="py-2 font-medium">In the app</th>
          <th className="py-2 font-medium">Email</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {categories
          .filter((entry) => entry.channels.in_app || entry.channels.email)
          .map((entry) => (
            <tr key={entry.category}>
              <td className="py-3 pr-4 align-top">
                <div className="font-medium">{entry.label}</div>
                <div className="text-xs text-muted-foreground">{entry.description}</div>
              </td>
              <td className="py-3 pr-4 align-top">
                {entry.channels.in_app ? (
                  <input
                    type="checkbox"
                    aria-label={`${entry.label} in the app`}
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
                    aria-label={`${entry.label} email`}
                    value={entry.channels.email.mode}
                    disabled={entry.channels.email.locked}
                    onChange={(event) => void change(entry.category, 'email', event.target.value as Mode)}
                    className="rounded-md border border-border bg-background px-2 py-1"
                  >
                    <option value="on">Each one</option>
                    <option value="digest">Daily summary</option>
                    <option value="off">Off</option>
                  </select>
                ) : null}
                {entry.channels.email?.locked ? (
                  <span className="ml-2 text-xs text-muted-foreground">Always sent</span>
                ) : null}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
