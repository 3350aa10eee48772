'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { OnboardingItem, OnboardingStep } from '@plinth/core/onboarding';
import { Button } from '../../../../../components/ui/button';
import { useToast } from '../../../../../components/ui/toast';
import { useAction } from '../../../../../lib/use-action';
import { dismissOnboardingAction } from '../actions';

/** Where each step is done; its words are under projects.onboarding.steps in the catalogs. */
const paths: Record<OnboardingStep, string> = {
  project: 'projects?create=1',
  teammate: 'members',
  plan: 'billing',
  api_key: 'settings/api-keys',
};

/**
 * The first-run checklist (docs/decisions/0036): each step ticked from the workspace's real rows,
 * a link for the steps this person may take, the others named as someone else's. Managers may
 * dismiss it for the whole workspace.
 */
export function OnboardingChecklist({
  slug,
  items,
  canDismiss,
}: {
  slug: string;
  items: OnboardingItem[];
  canDismiss: boolean;
}) {
  const { toast } = useToast();
  const t = useTranslations('projects.onboarding');
  const { run, pending } = useAction(dismissOnboardingAction);
  const doneCount = items.filter((item) => item.done).length;

  const dismiss = async () => {
    const result = await run(slug);
    if (!result.ok)
      toast({
        title: t('hideFailed'),
        description: result.error.message,
        variant: 'destructive',
      });
  };

  return (
    <section
      aria-labelledby="onboarding-heading"
      data-testid="onboarding-checklist"
      className="rounded-xl border border-border bg-muted/30 p-4 sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="onboarding-heading" className="text-base font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-muted-foreground">
            {t('progress', { done: doneCount, total: items.length })}
          </p>
        </div>
        {canDismiss ? (
          <Button variant="ghost" size="sm" onClick={() => void dismiss()} disabled={pending}>
            {pending ? t('hiding') : t('dismiss')}
          </Button>
        ) : null}
      </div>
      <ul className="mt-3 grid gap-2">
        {items.map((item) => {
          const label = t(`steps.${item.step}.label`);
          return (
            <li
              key={item.step}
              data-step={item.step}
              data-done={item.done}
              className="flex items-center gap-2 text-sm"
            >
              <span
                aria-hidden="true"
                className={
                  item.done
                    ? 'flex size-5 shrink-0 items-center justify-center rounded-full bg-primary text-xs text-primary-foreground'
                    : 'size-5 shrink-0 rounded-full border border-border'
                }
              >
                {item.done ? '✓' : ''}
              </span>
              {item.done ? (
                <span className="text-muted-foreground">
                  {t(`steps.${item.step}.done`)}
                  <span className="sr-only">{t('done')}</span>
                </span>
              ) : item.permitted ? (
                <Link
                  href={`/w/${encodeURIComponent(slug)}/${paths[item.step]}`}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {label}
                </Link>
              ) : (
                <span className="text-muted-foreground">{t('adminOnly', { step: label })}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
