import Link from 'next/link';
import type { ActionError } from '../../lib/action-result';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** Core refuses what the plan does not include with `payment_required`; forms show this instead. */
export function isPlanLimit(error: Pick<ActionError, 'code'> | null | undefined): boolean {
  return error?.code === 'payment_required';
}

type UpgradePromptProps = {
  slug: string;
  /** The server's message, which names the plan and its limit ("The free plan includes 3 projects…"). */
  message: string;
  /** Owners and admins (billing.manage) get the Upgrade button; everyone else is told whom to ask. */
  canUpgrade: boolean;
  /** "Plan limit reached" for a limit; "Not on your plan" for a feature the plan lacks. */
  title?: string;
  className?: string;
};

/**
 * What a form shows when a plan limit stops it: the limit, and the way out. Never a bare 403: the
 * person learns why, and a manager is one click from the billing page.
 */
export function UpgradePrompt({
  slug,
  message,
  canUpgrade,
  title = 'Plan limit reached',
  className,
}: UpgradePromptProps) {
  return (
    <Alert
      variant="info"
      title={title}
      className={className}
      data-testid="upgrade-prompt"
      action={
        canUpgrade ? (
          <Button asChild size="sm">
            <Link href={`/w/${slug}/billing`}>Upgrade</Link>
          </Button>
        ) : (
          <Button asChild size="sm" variant="secondary">
            <Link href="/pricing">Compare plans</Link>
          </Button>
        )
      }
    >
      {message}
      {canUpgrade ? null : ' Ask an owner or admin of this workspace to upgrade.'}
    </Alert>
  );
}
