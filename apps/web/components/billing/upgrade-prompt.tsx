import Link from 'next/link';
import { useTranslations } from 'next-intl';
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
export function UpgradePrompt({ slug, message, canUpgrade, title, className }: UpgradePromptProps) {
  // useTranslations, not getTranslations: this renders in server pages and in client forms alike.
  const t = useTranslations('billing.upgradePrompt');
  return (
    <Alert
      variant="info"
      title={title ?? t('limitTitle')}
      className={className}
      data-testid="upgrade-prompt"
      action={
        canUpgrade ? (
          <Button asChild size="sm">
            <Link href={`/w/${slug}/billing`}>{t('upgrade')}</Link>
          </Button>
        ) : (
          <Button asChild size="sm" variant="secondary">
            <Link href="/pricing">{t('compare')}</Link>
          </Button>
        )
      }
    >
      {message}
      {canUpgrade ? null : ` ${t('askOwner')}`}
    </Alert>
  );
}
