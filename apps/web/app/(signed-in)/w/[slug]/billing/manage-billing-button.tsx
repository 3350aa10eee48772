'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Alert } from '../../../../../components/ui/alert';
import { Button, type ButtonProps } from '../../../../../components/ui/button';
import { useAction } from '../../../../../lib/use-action';
import { openPortalAction, openSeatsPortalAction } from './actions';

/** Opens Stripe's billing portal for the workspace (payment method, plan, seats, cancel, invoices). */
export function ManageBillingButton({
  slug,
  children,
  variant = 'secondary',
  seats = false,
}: {
  slug: string;
  /** The button's words; default "Manage billing" (`billing.manage`). */
  children?: string;
  variant?: ButtonProps['variant'];
  /** "Add or remove seats": refused with 402 unless the plan is billed per seat. */
  seats?: boolean;
}) {
  const t = useTranslations('billing');
  const { run } = useAction(seats ? openSeatsPortalAction : openPortalAction);
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    setError(null);
    setLeaving(true);
    const result = await run(slug);
    if (!result.ok) {
      setLeaving(false);
      setError(result.error.message);
      return;
    }
    // Stays "loading" while the browser leaves for the portal.
    window.location.assign(result.data.url);
  }

  return (
    <div className="grid gap-2">
      <Button variant={variant} loading={leaving} onClick={() => void open()}>
        {children ?? t('manage')}
      </Button>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
    </div>
  );
}
