'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from '@plinth/core/locales';
import { Select } from '../../../components/ui/select';
import { SettingsSection } from '../../../components/ui/settings-section';
import { useToast } from '../../../components/ui/toast';
import { setLocaleAction } from './actions';

/** The value of "same as my browser" in the select (the saved locale is then null). */
const BROWSER = 'browser';

/**
 * The person's language: saved on the account at once (every device, every mail), then the page
 * renders again in it. Each language is named in its own words, so anyone can find theirs.
 */
export function LanguageSection({ locale: savedLocale }: { locale: Locale | null }) {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations('account.language');
  const selectId = useId();
  const [locale, setLocale] = useState<Locale | null>(savedLocale);
  const [pending, startTransition] = useTransition();
  // Said in the page's own words after the refresh, so in the new language (a toast would keep
  // the words of the language the person just left).
  const [saved, setSaved] = useState(false);

  function choose(value: string) {
    const next = isLocale(value) ? value : null;
    const previous = locale;
    setLocale(next);
    setSaved(false);
    startTransition(async () => {
      const outcome = await setLocaleAction(next);
      if (!outcome.ok) {
        setLocale(previous);
        toast({ title: t('notSaved'), description: outcome.error.message, variant: 'destructive' });
        return;
      }
      // The page and its chrome come back from the server in the new language.
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <SettingsSection id="language" title={t('title')} description={t('description')}>
      <div className="grid max-w-xs gap-1.5">
        <label htmlFor={selectId} className="text-sm font-medium">
          {t('label')}
        </label>
        <Select
          id={selectId}
          name="locale"
          value={locale ?? BROWSER}
          disabled={pending}
          aria-busy={pending}
          onChange={(event) => choose(event.target.value)}
          data-testid="locale-select"
        >
          <option value={BROWSER}>{t('browser')}</option>
          {LOCALES.map((choice) => (
            <option key={choice} value={choice} lang={choice}>
              {LOCALE_NAMES[choice]}
            </option>
          ))}
        </Select>
        <p role="status" className="min-h-4 text-xs text-muted-foreground" data-testid="locale-status">
          {saved ? t('saved') : ''}
        </p>
      </div>
    </SettingsSection>
  );
}
