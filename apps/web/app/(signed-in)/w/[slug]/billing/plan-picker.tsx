'use client';

import Link from 'next/link';
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
import { countOf, nouns } from '../../../../../lib/plural';
import { Select } from '../../../../../components/ui/select';

/** One plan's next action (core's nextPlanActions) with its words (planActionLabel). */
export type PlanChoice = PlanAction & { label: string };

/** A workspace the viewer may buy for, with what it is on now and what it can do next per plan. */
export interface BillableWorkspace {
  slug: string;
  name: string;
  plan: string;
  standing: BillingStanding;
  /** Members and pending invitations: the fewest seats a seat-based Checkout may buy. */
  seatsInUse: number;
  /** Said next to the plans when the standing needs explaining (a granted plan), else null. */
  note: string | null;
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
    if (!selected || seatCount === null) return 'Enter a whole number of seats.';
    if (seatCount < selected.seatsInUse)
      return `At least ${countOf(selected.seatsInUse, nouns.seat)}: one for each member and pending invitation.`;
    if (seatCount > maxSeats) return `At most ${countOf(maxSeats, nouns.seat)} in one checkout.`;
    return null;
  }

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
            {plan.prices ? `Start with ${plan.name}` : 'Start for free'}
          </Link>
        </Button>
      );
    }
    if (audience.kind === 'not-manager') {
      return (
        <Button className="w-full" variant="secondary" disabled>
          Ask a workspace owner
        </Button>
      );
    }
    if (audience.kind === 'no-workspace' || !selected) {
      return (
        <Button asChild className="w-full" variant="secondary">
          <Link href="/app">Create a workspace first</Link>
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
            {choice.label}
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
            {choice.label}
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
              {choice.label}
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
                Seats
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
                  `${countOf(seatCount!, nouns.seat)} × ${price.amount} = ${formatMoney(
                    seatCount! * price.unitAmount,
                    price.currency,
                  )} / ${interval}`}
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
              {choice.label}
            </Button>
          </div>
        );
      }
    }
  }

  return (
    <div className="grid gap-6 [&>*]:min-w-0">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div role="radiogroup" aria-label="Billing period" className="inline-flex rounded-lg border p-1">
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
              {option === 'month' ? 'Monthly' : 'Yearly'}
            </button>
          ))}
        </div>
        {showWorkspaceSelect && workspaces.length > 1 ? (
          <div className="grid gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              Workspace
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
            For <span className="font-medium text-foreground">{selected.name}</span>
          </p>
        ) : null}
      </div>

      {selected?.note ? (
        <Alert
          title={selected.standing === 'granted' ? 'Granted plan' : 'Subscription needs attention'}
          data-testid="standing-note"
        >
          {selected.note}
        </Alert>
      ) : null}

      {error ? <Alert variant="destructive">{error}</Alert> : null}

      <ul className="grid gap-4 md:grid-cols-3" aria-label="Plans">
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
                      {selected?.standing === 'granted' ? 'Granted' : 'Current'}
                    </Badge>
                  ) : null}
                </div>
                <p className="text-sm text-muted-foreground">{plan.description}</p>
              </div>
              <div>
                <p className="text-3xl font-semibold tracking-tight">
                  {price ? price.amount : '$0'}
                  <span className="ml-1 text-sm font-normal text-muted-foreground">
                    {price ? `${plan.seatBased ? '/ seat ' : ''}/ ${interval}` : 'forever'}
                  </span>
                </p>
                {plan.seatBased ? (
                  <p className="mt-1 text-xs text-muted-foreground">
                    Billed per seat: add or remove seats at any time, prorated.
                  </p>
                ) : null}
                {plan.trialDays > 0 ? (
                  <p className="mt-1 text-xs font-medium text-primary">
                    {plan.trialDays}-day free trial on your first subscription
                  </p>
                ) : null}
              </div>
              <ul className="grid flex-1 content-start gap-2 text-sm">
                <li>{plan.seatBased ? 'Members: one per seat' : `Up to ${plan.limits.members} members`}</li>
                <li>Up to {plan.limits.projects} projects</li>
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
                    {feature}
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
