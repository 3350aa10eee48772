'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { SettingsSection } from '../../../components/ui/settings-section';
import { useToast } from '../../../components/ui/toast';
import { THEMES, type ThemeChoice } from '../../../lib/theme';
import { applyThemeOnDevice } from '../../../lib/theme-device';
import { setThemeAction } from './actions';

/** Light, dark or system: saved on the account at once, so every device and sign-in follows it. */
export function ThemeSection({ theme: savedTheme }: { theme: ThemeChoice }) {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations('account.theme');
  const [theme, setTheme] = useState<ThemeChoice>(savedTheme);
  const [pending, startTransition] = useTransition();

  function choose(next: ThemeChoice) {
    const previous = theme;
    setTheme(next);
    applyThemeOnDevice(next);
    startTransition(async () => {
      const outcome = await setThemeAction(next);
      if (!outcome.ok) {
        setTheme(previous);
        applyThemeOnDevice(previous);
        toast({ title: t('notSaved'), description: outcome.error.message, variant: 'destructive' });
        return;
      }
      toast({ title: t('saved', { theme: t(`choices.${next}.lower`) }), variant: 'success' });
      router.refresh();
    });
  }

  return (
    <SettingsSection id="theme" title={t('title')} description={t('description')}>
      <fieldset className="grid gap-3" aria-busy={pending}>
        <legend className="sr-only">{t('title')}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {THEMES.map((choice) => (
            <label
              key={choice}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-border p-3 has-[:checked]:border-primary has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
            >
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={theme === choice}
                onChange={() => choose(choice)}
                className="mt-1 accent-[var(--primary)]"
              />
              <span className="grid gap-0.5">
                <span className="text-sm font-medium">{t(`choices.${choice}.label`)}</span>
                <span className="text-xs text-muted-foreground">{t(`choices.${choice}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </SettingsSection>
  );
}
