'use client';

import { useState } from 'react';
import { authClient } from '../../lib/auth-client';
import { callAuth } from '../../lib/auth-errors';
import { Button } from '../ui/button';
import { useToast } from '../ui/toast';

/**
 * Shown on every signed-in page while a staff member acts as someone else, so nobody forgets
 * whose account they are changing. Stopping restores the staff member's own session.
 */
export function ImpersonationBanner({ name, email }: { name: string; email: string }) {
  const { toast } = useToast();
  const [pending, setPending] = useState(false);

  async function stop() {
    setPending(true);
    const outcome = await callAuth(authClient.admin.stopImpersonating());
    if (!outcome.ok) {
      setPending(false);
      toast({ title: 'Could not stop impersonating', description: outcome.message, variant: 'destructive' });
      return;
    }
    window.location.assign('/admin/users');
  }

  return (
    <div
      role="region"
      aria-label="Impersonation"
      data-testid="impersonation-banner"
      className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2 bg-destructive px-4 py-2 text-sm text-destructive-foreground"
    >
      <p>
        You are signed in as <strong>{name || email}</strong>
        {name ? <span className="opacity-80"> ({email})</span> : null} (impersonating).
      </p>
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        onClick={() => void stop()}
        className="border-transparent"
      >
        Stop impersonating
      </Button>
    </div>
  );
}
