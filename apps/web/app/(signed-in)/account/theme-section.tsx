'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { SettingsSection } from '../../../components/ui/settings-section';
import { useToast } from '../../../components/ui/toast';
import { THEMES, type ThemeChoice } from '../../../lib/theme';
import { applyThemeOnDevice } from '../../../lib/theme-device';
import { setThemeAction } from './actions';

const labels: Record<ThemeChoice, { label: string; hint: string }> = {
  system: { label: 'System', hint: 'Follows your device: light or dark as it is set.' },
  light: { label: 'Light', hint: 'Always light.' },
  dark: { label: 'Dark', hint: 'Always dark.' },
};

/** Light, dark or system: saved on the account at once, so every device and sign-in follows it. */
export function ThemeSection({ theme: savedTheme }: { theme: ThemeChoice }) {
  const router = useRouter();
  const { toast } = useToast();
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
        toast({ title: 'Theme not saved', description: outcome.error.message, variant: 'destructive' });
        return;
      }
      toast({ title: `Theme: ${labels[next].label.toLowerCase()}`, variant: 'success' });
      router.refresh();
    });
  }

  return (
    <SettingsSection id="theme" title="Theme" description="How Plinth looks for you, on every device.">
      <fieldset className="grid gap-3" aria-busy={pending}>
        <legend className="sr-only">Theme</legend>
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
                <span className="text-sm font-medium">{labels[choice].label}</span>
                <span className="text-xs text-muted-foreground">{labels[choice].hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </SettingsSection>
  );
}
