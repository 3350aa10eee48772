'use client';

import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth } from '../../../lib/auth-errors';
import { describeUserAgent, formatDateTime } from '../../../lib/format';
import { SettingsSection } from '../../../components/ui/settings-section';

type SessionRow = {
  id: string;
  token: string;
  createdAt: string | Date;
  updatedAt?: string | Date;
  ipAddress?: string | null;
  userAgent?: string | null;
};

type LoadState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; sessions: SessionRow[] };

export function SessionsSection({ currentSessionId }: { currentSessionId: string }) {
  const { toast } = useToast();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [revoking, setRevoking] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await callAuth(authClient.listSessions());
    if (!outcome.ok) {
      setState({ kind: 'error', message: outcome.message });
      return;
    }
    const sessions = ((outcome.data ?? []) as SessionRow[]).toSorted((a, b) => {
      // This device first, then the most recently created.
      if (a.id === currentSessionId) return -1;
      if (b.id === currentSessionId) return 1;
      return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();
    });
    setState({ kind: 'loaded', sessions });
  }, [currentSessionId]);

  useEffect(() => {
    // Fetched after mount, in the browser: dates then render in the viewer's time zone, and the
    // server HTML (a loading state) never disagrees with the client's.
    void load();
  }, [load]);

  async function revoke(session: SessionRow) {
    setRevoking(session.id);
    const outcome = await callAuth(authClient.revokeSession({ token: session.token }));
    setRevoking(null);
    if (!outcome.ok) {
      toast({
        title: 'Could not sign out that device',
        description: outcome.message,
        variant: 'destructive',
      });
      return;
    }
    toast({ title: 'Device signed out', description: describeUserAgent(session.userAgent) });
    setState((current) =>
      current.kind === 'loaded'
        ? { kind: 'loaded', sessions: current.sessions.filter((entry) => entry.id !== session.id) }
        : current,
    );
  }

  async function revokeOthers() {
    setRevoking('others');
    const outcome = await callAuth(authClient.revokeOtherSessions());
    setRevoking(null);
    if (!outcome.ok) {
      toast({
        title: 'Could not sign out other devices',
        description: outcome.message,
        variant: 'destructive',
      });
      return;
    }
    toast({ title: 'Signed out everywhere else', variant: 'success' });
    await load();
  }

  const others =
    state.kind === 'loaded' ? state.sessions.filter((entry) => entry.id !== currentSessionId) : [];

  return (
    <SettingsSection
      id="sessions"
      title="Where you are signed in"
      description="Sign out any device you do not recognise, then change your password."
      aside={
        state.kind === 'loaded' && others.length > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            loading={revoking === 'others'}
            disabled={revoking !== null}
            onClick={() => void revokeOthers()}
          >
            Sign out everywhere else
          </Button>
        ) : null
      }
    >
      {state.kind === 'loading' ? (
        <div aria-busy="true" aria-live="polite" className="grid gap-3">
          <span className="sr-only">Loading sessions…</span>
          {[0, 1].map((row) => (
            <div key={row} className="h-12 animate-pulse rounded-lg bg-muted" />
          ))}
        </div>
      ) : state.kind === 'error' ? (
        <Alert
          variant="destructive"
          action={
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          }
        >
          {state.message}
        </Alert>
      ) : state.sessions.length === 0 ? (
        <EmptyState title="No active sessions" description="Devices you sign in on will appear here." />
      ) : (
        <ul className="grid divide-y divide-border" data-testid="sessions-list">
          {state.sessions.map((session) => {
            const current = session.id === currentSessionId;
            return (
              <li
                key={session.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0"
              >
                <div className="grid min-w-0 gap-0.5">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    {describeUserAgent(session.userAgent)}
                    {current ? <Badge variant="primary">This device</Badge> : null}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {session.ipAddress ? `${session.ipAddress} · ` : ''}Signed in{' '}
                    {formatDateTime(session.createdAt)}
                  </p>
                  {session.userAgent ? (
                    <p className="truncate text-xs text-muted-foreground" title={session.userAgent}>
                      {session.userAgent}
                    </p>
                  ) : null}
                </div>
                {current ? null : (
                  <Button
                    size="sm"
                    variant="ghost"
                    loading={revoking === session.id}
                    disabled={revoking !== null}
                    onClick={() => void revoke(session)}
                    aria-label={`Sign out ${describeUserAgent(session.userAgent)}, signed in ${formatDateTime(session.createdAt)}`}
                  >
                    Sign out
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SettingsSection>
  );
}
