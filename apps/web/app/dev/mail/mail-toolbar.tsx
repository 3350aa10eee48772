'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';

const autoRefreshSeconds = 3;

/** Refresh now, refresh every few seconds while waiting for a job to send, or empty the outbox. */
export function MailToolbar() {
  const router = useRouter();
  const { toast } = useToast();
  const [refreshing, startRefresh] = useTransition();
  const [autoRefresh, setAutoRefresh] = useState(false);
  const [clearing, setClearing] = useState(false);

  useEffect(() => {
    if (!autoRefresh) return;
    const timer = setInterval(() => router.refresh(), autoRefreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [autoRefresh, router]);

  async function clearAll() {
    setClearing(true);
    try {
      const response = await fetch('/api/dev/mail', { method: 'DELETE' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { deleted } = (await response.json()) as { deleted: number };
      toast({ title: `Deleted ${deleted} ${deleted === 1 ? 'message' : 'messages'}`, variant: 'success' });
      router.refresh();
    } catch {
      toast({ title: 'Could not clear captured mail', variant: 'destructive' });
    } finally {
      setClearing(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        loading={refreshing}
        onClick={() => startRefresh(() => router.refresh())}
      >
        Refresh
      </Button>
      <Button
        variant={autoRefresh ? 'primary' : 'secondary'}
        size="sm"
        aria-pressed={autoRefresh}
        onClick={() => setAutoRefresh((on) => !on)}
      >
        {autoRefresh ? `Auto-refresh on (${autoRefreshSeconds} s)` : 'Auto-refresh'}
      </Button>
      <Button variant="ghost" size="sm" loading={clearing} onClick={clearAll}>
        Clear all
      </Button>
    </div>
  );
}
