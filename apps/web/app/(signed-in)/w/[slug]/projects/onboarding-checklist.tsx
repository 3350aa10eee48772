'use client';

import Link from 'next/link';
import type { OnboardingItem, OnboardingStep } from '@plinth/core/onboarding';
import { Button } from '../../../../../components/ui/button';
import { useToast } from '../../../../../components/ui/toast';
import { useAction } from '../../../../../lib/use-action';
import { dismissOnboardingAction } from '../actions';

const copy: Record<OnboardingStep, { label: string; done: string; path: string }> = {
  project: { label: 'Create a project', done: 'A project is created', path: 'projects?create=1' },
  teammate: { label: 'Invite a teammate', done: 'A teammate is invited', path: 'members' },
  plan: { label: 'Choose a plan', done: 'A plan is chosen', path: 'billing' },
  api_key: { label: 'Create an API key', done: 'An API key exists', path: 'settings/api-keys' },
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
  const { run, pending } = useAction(dismissOnboardingAction);
  const doneCount = items.filter((item) => item.done).length;

  const dismiss = async () => {
    const result = await run(slug);
    if (!result.ok)
      toast({
        title: 'Could not hide the checklist',
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
            Get started
          </h2>
          <p className="text-sm text-muted-foreground">
            {doneCount} of {items.length} done
          </p>
        </div>
        {canDismiss ? (
          <Button variant="ghost" size="sm" onClick={() => void dismiss()} disabled={pending}>
            {pending ? 'Hiding…' : 'Dismiss checklist'}
          </Button>
        ) : null}
      </div>
      <ul className="mt-3 grid gap-2">
        {items.map((item) => {
          const text = copy[item.step];
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
                  {text.done}
                  <span className="sr-only"> (done)</span>
                </span>
              ) : item.permitted ? (
                <Link
                  href={`/w/${encodeURIComponent(slug)}/${text.path}`}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {text.label}
                </Link>
              ) : (
                <span className="text-muted-foreground">{text.label} (an admin can do this)</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
