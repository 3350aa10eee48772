'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { openPortalAction, startCheckoutAction } from './actions';
import type { BillingInterval, BillingStanding, PlanAction } from '@plinth/core/billing';
import type { PlanOffer } from '../../../../../lib/billing-display';
import { cn } from '../../../../../lib/cn';
import { useAction } from '../../../../../lib/use-action';
import { Alert } from '../../../../../components/ui/alert';
import { Badge } from '../../../../../components/ui/badge';
import { Button } from '../../../../../components/ui/button';
import { Input } from '../../../../../components/ui/input';
import { formatMoney } from '../../../../../lib/money';
import { Select } from '../../../../../components/ui/select';

/** One plan's next action (core's nextPlanActions); the picker words it from the catalog. */
export type PlanChoice = PlanAction;

/** A workspace the viewer may buy for, with what it is on now and what it can do next per plan. */
export interface BillableWorkspace {
  slug: string;
  name: string;
  plan: string;
  standing: BillingStanding;
  /** Members and pending invitations: the fewest seats a seat-based Checkout may buy. */
  seatsInUse: number;
  choices: Record<string, PlanChoice>;
}

export type PlanAudience =
  | { kind: 'signed-out' }
  /** Signed in, in no workspace yet. */
  | { kind: 'no-workspace' }
  /** Signed in, a member of workspaces but owner or admin of none: only they can buy. */
  | { kind: 'not-manager' }
  | { kind: 'workspaces'; workspaces: BillableWorkspace[] };

type PlanPickerProps = {
  plans: PlanOffer[];
  audience: PlanAudience;
  /** The pricing page offers a workspace select; the billing page has exactly one workspace. */
  showWorkspaceSelect?: boolean;
};

/**
 * The plans side by side with a monthly/yearly switch, and for each the one thing to do next:
 * sign up, pick a workspace, open Checkout (a workspace on the free plan) or the billing portal
 * (a workspace that already pays, where Stripe handles proration and cancellation).
 */
export function PlanPicker({ plans, audience, showWorkspaceSelect = false }: PlanPickerProps) {
  const t = useTranslations('billing.picker');
  const tb = useTranslations('billing');
  const locale = useLocale();
  const [interval, setInterval] = useState<BillingInterval>('month');
  const workspaces = audience.kind === 'workspaces' ? audience.workspaces : [];
  const [slug, setSlug] = useState(workspaces[0]?.slug ?? '');
  const selected = workspaces.find((workspace) => workspace.slug === slug);
  const checkout = useAction(startCheckoutAction);
  const portal = useAction(openPortalAction);
  const [error, setError] = useState<string | null>(null);
  const [leavingFor, setLeavingFor] = useState<string | null>(null);
  // Seats typed per workspace (the pricing page can switch between them); blank while editing.
  const [seatDrafts, setSeatDrafts] = useState<Record<string, string>>({});
  const selectId = useId();
  const seatsId = useId();
  const seatDraft = selected ? (seatDrafts[selected.slug] ?? String(selected.seatsInUse)) : '';
  const seatCount = /^\d{1,4}$/u.test(seatDraft) ? Number(seatDraft) : null;
  function seatProblemFor(maxSeats: number): string | null {
    if (!selected || seatCount === null) return t('seatsWhole');
    if (seatCount < selected.seatsInUse) return t('seatsMin', { count: selected.seatsInUse });
    if (seatCount > maxSeats) return t('seatsMax', { count: maxSeats });
    return null;
  }

  /** The button's words for an action (core's planActionLabel, from the catalog). */
  function labelOf(choice: PlanChoice): string {
    const plan = plans.find((offer) => offer.key === choice.plan)?.name ?? choice.plan;
    switch (choice.kind) {
      case 'current':
        return t('actions.current');
      case 'subscribe':
        return t('actions.subscribe', { plan });
      case 'switch':
        return choice.direction === 'upgrade'
          ? t('actions.upgrade', { plan })
          : t('actions.downgrade', { plan });
      case 'manage':
        return t('actions.manage');
      case 'none':
        switch (choice.reason) {
          case 'not-manager':
            return t('actions.notManager');
          case 'granted':
            return t('actions.granted');
          case 'portal-unavailable':
            return t('actions.portalUnavailable');
        }
    }
  }

  /** One sentence for a standing that needs explaining (core's standingNote), else null. */
  function noteOf(workspace: BillableWorkspace): string | null {
    const plan = plans.find((offer) => offer.key === workspace.plan)?.name ?? workspace.plan;
    if (workspace.standing === 'granted') return t('notes.granted', { plan });
    if (workspace.standing === 'lapsed') return t('notes.lapsed');
    return null;
  }
  const note = selected ? noteOf(selected) : null;

  async function go(planKey: string, run: () => ReturnType<typeof checkout.run>) {
    setError(null);
    setLeavingFor(planKey);
    const result = await run();
    if (!result.ok) {
      setLeavingFor(null);
      setError(result.error.message);
      return;
    }
    // Stripe's hosted page (or the local fake's in development); it brings the browser back.
    window.location.assign(result.data.url);
  }

  function action(plan: PlanOffer) {
    if (audience.kind === 'signed-out') {
      return (
        <Button asChild className="w-full" variant={plan.prices ? 'primary' : 'secondary'}>
          <Link href={plan.prices ? '/sign-up?next=%2Fpricing' : '/sign-up'}>
            {plan.prices ? t('startWith', { plan: plan.name }) : t('startFree')}
          </Link>
        </Button>
      );
    }
    if (audience.kind === 'not-manager') {
      return (
        <Button className="w-full" variant="secondary" disabled>
          {t('askOwner')}
        </Button>
      );
    }
    if (audience.kind === 'no-workspace' || !selected) {
      return (
        <Button asChild className="w-full" variant="secondary">
          <Link href="/app">{t('createWorkspace')}</Link>
        </Button>
      );
    }
    const choice = selected.choices[plan.key];
    if (!choice) return null;
    const busy = leavingFor === plan.key;
    switch (choice.kind) {
      case 'current':
      case 'none':
        return (
          <Button className="w-full" variant="secondary" disabled>
            {labelOf(choice)}
          </Button>
        );
      case 'switch':
      case 'manage':
        // Stripe's portal: it prorates a switch, and a downgrade to Free is a cancellation there.
        return (
          <Button
            className="w-full"
            variant={choice.kind === 'switch' && choice.direction === 'upgrade' ? 'primary' : 'secondary'}
            loading={busy}
            disabled={leavingFor !== null}
            onClick={() => void go(plan.key, () => portal.run(selected.slug))}
          >
            {labelOf(choice)}
          </Button>
        );
      case 'subscribe': {
        if (!plan.prices) return null;
        const price = plan.prices[interval];
        const lookupKey = price.lookupKey;
        if (!plan.seatBased) {
          return (
            <Button
              className="w-full"
              loading={busy}
              disabled={leavingFor !== null}
              onClick={() => void go(plan.key, () => checkout.run(selected.slug, { lookupKey }))}
            >
              {labelOf(choice)}
            </Button>
          );
        }
        // A seat-based plan: how many seats, never fewer than are in use, with the price as it changes.
        const maxSeats = plan.maxSeats ?? selected.seatsInUse;
        const seatProblem = seatProblemFor(maxSeats);
        return (
          <div className="grid gap-3" data-testid="seat-picker">
            <div className="grid gap-1">
              <label htmlFor={seatsId} className="text-sm font-medium">
                {t('seats')}
              </label>
              <Input
                id={seatsId}
                type="number"
                inputMode="numeric"
                min={selected.seatsInUse}
                max={maxSeats}
                step={1}
                value={seatDraft}
                aria-invalid={seatProblem !== null}
                aria-describedby={`${seatsId}-hint`}
                onChange={(event) => setSeatDrafts({ ...seatDrafts, [selected.slug]: event.target.value })}
              />
              <p
                id={`${seatsId}-hint`}
                className={cn('text-xs', seatProblem ? 'text-destructive' : 'text-muted-foreground')}
                aria-live="polite"
                data-testid="seat-total"
              >
                {seatProblem ??
                  t('seatTotal', {
                    count: seatCount!,
                    price: price.amount,
                    total: formatMoney(seatCount! * price.unitAmount, price.currency, locale),
                    interval,
                  })}
              </p>
            </div>
            <Button
              className="w-full"
              loading={busy}
              disabled={leavingFor !== null || seatProblem !== null}
              onClick={() =>
                void go(plan.key, () => checkout.run(selected.slug, { lookupKey, quantity: seatCount! }))
              }
            >
              {labelOf(choice)}
            </Button>
          </div>
        );
      }
    }
  }

  // The free plan's "0" in the currency the paid plans charge.
  const freeCurrency = plans.find((offer) => offer.prices)?.prices?.month.currency ?? 'usd';

  return (
    <div className="grid gap-6 [&>*]:min-w-0">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div role="radiogroup" aria-label={t('period')} className="inline-flex rounded-lg border p-1">
          {(['month', 'year'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="radio"
              aria-checked={interval === option}
              onClick={() => setInterval(option)}
              className={cn(
                'cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium transition-colors',
                interval === option
                  ? 'bg-primary text-primary-foreground'
                  : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {option === 'month' ? t('monthly') : t('yearly')}
            </button>
          ))}
        </div>
        {showWorkspaceSelect && workspaces.length > 1 ? (
          <div className="grid gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              {t('workspace')}
            </label>
            <Select id={selectId} value={slug} onChange={(event) => setSlug(event.target.value)}>
              {workspaces.map((workspace) => (
                <option key={workspace.slug} value={workspace.slug}>
                  {workspace.name}
                </option>
              ))}
            </Select>
          </div>
        ) : showWorkspaceSelect && selected ? (
          <p className="text-sm text-muted-foreground">
            {t.rich('forWorkspace', {
              workspace: selected.name,
              name: (chunks) => <span className="font-medium text-foreground">{chunks}</span>,
            })}
          </p>
        ) : null}
      </div>

      {selected && note ? (
        <Alert
          title={selected.standing === 'granted' ? t('grantedTitle') : t('attentionTitle')}
          data-testid="standing-note"
        >
          {note}
        </Alert>
      ) : null}

      {error ? <Alert variant="destructive">{error}</Alert> : null}

      <ul className="grid gap-4 md:grid-cols-3" aria-label={t('plans')}>
        {plans.map((plan) => {
          const price = plan.prices?.[interval];
          const current = selected?.plan === plan.key;
          return (
            <li
              key={plan.key}
              aria-label={plan.name}
              data-testid={`plan-${plan.key}`}
              className={cn(
                'flex flex-col gap-5 rounded-xl border p-6',
                current ? 'border-primary ring-1 ring-primary' : 'border-border',
              )}
            >
              <div className="grid gap-1.5">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold">{plan.name}</h3>
                  {current ? (
                    <Badge variant="primary">
                      {selected?.standing === 'granted' ? t('granted') : t('current')}
                    </Badge>
                  ) : null}
                </div>
                <p className="text-sm text-muted-foreground">{tb(`planDescriptions.${plan.key}`)}</p>
              </div>
              <div>
                <p className="text-3xl font-semibold tracking-tight">
                  {price ? price.amount : formatMoney(0, freeCurrency, locale)}
                  <span className="ml-1 text-sm font-normal text-muted-foreground">
                    {price ? t('per', { seatBased: String(plan.seatBased), interval }) : t('forever')}
                  </span>
                </p>
                {plan.seatBased ? (
                  <p className="mt-1 text-xs text-muted-foreground">{t('billedPerSeat')}</p>
                ) : null}
                {plan.trialDays > 0 ? (
                  <p className="mt-1 text-xs font-medium text-primary">
                    {t('trial', { days: plan.trialDays })}
                  </p>
                ) : null}
              </div>
              <ul className="grid flex-1 content-start gap-2 text-sm">
                <li>
                  {plan.seatBased ? t('membersPerSeat') : t('upToMembers', { count: plan.limits.members })}
                </li>
                <li>{t('upToProjects', { count: plan.limits.projects })}</li>
                {plan.features.map((feature) => (
                  <li key={feature} className="flex gap-2">
                    <svg
                      aria-hidden="true"
                      viewBox="0 0 24 24"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="2.5"
                      strokeLinecap="round"
                      strokeLinejoin="round"
                      className="mt-0.5 size-4 shrink-0 text-success"
                    >
                      <path d="m5 12 5 5 9-10" />
                    </svg>
                    {tb(`features.${feature}`)}
                  </li>
                ))}
              </ul>
              {action(plan)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
