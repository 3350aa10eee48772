'use client';

import { useCallback, useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useToast } from '../../../components/ui/toast';
import { authClient } from '../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../lib/auth-errors';
import { dateLocale, formatDateTime, userAgentParts } from '../../../lib/format';
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
  | { kind: 'loading' }
  | { kind: 'error'; error: { code: string | undefined; status: number | undefined; message: string } }
  | { kind: 'loaded'; sessions: SessionRow[] };

export function SessionsSection({ currentSessionId }: { currentSessionId: string }) {
  const t = useTranslations('account.sessions');
  const tErrors = useTranslations('common.authErrors');
  const locale = dateLocale(useLocale());
  const { toast } = useToast();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  /** "Chrome on macOS", in the reader's language. */
  function describeUserAgent(userAgent: string | null | undefined): string {
    const { browser, os } = userAgentParts(userAgent);
    if (browser && os) return t('browserOnOs', { browser, os });
    return browser ?? os ?? t('unknownDevice');
  }
  const [revoking, setRevoking] = useState<string | null>(null);

  const load = useCallback(async () => {
    const outcome = await callAuth(authClient.listSessions());
    if (!outcome.ok) {
      setState({ kind: 'error', error: outcome });
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
        title: t('revokeFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    toast({ title: t('revoked'), description: describeUserAgent(session.userAgent) });
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
        title: t('revokeOthersFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    toast({ title: t('othersRevoked'), variant: 'success' });
    await load();
  }

  const others =
    state.kind === 'loaded' ? state.sessions.filter((entry) => entry.id !== currentSessionId) : [];

  return (
    <SettingsSection
      id="sessions"
      title={t('title')}
      description={t('description')}
      aside={
        state.kind === 'loaded' && others.length > 0 ? (
          <Button
            size="sm"
            variant="secondary"
            loading={revoking === 'others'}
            disabled={revoking !== null}
            onClick={() => void revokeOthers()}
          >
            {t('revokeOthers')}
          </Button>
        ) : null
      }
    >
      {state.kind === 'loading' ? (
        <div aria-busy="true" aria-live="polite" className="grid gap-3">
          <span className="sr-only">{t('loading')}</span>
          {[0, 1].map((row) => (
            <div key={row} className="h-12 animate-pulse rounded-lg bg-muted" />
          ))}
        </div>
      ) : state.kind === 'error' ? (
        <Alert
          variant="destructive"
          action={
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              {t('tryAgain')}
            </Button>
          }
        >
          {localizedAuthMessage(state.error, tErrors)}
        </Alert>
      ) : state.sessions.length === 0 ? (
        <EmptyState title={t('emptyTitle')} description={t('emptyBody')} />
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
                    {current ? <Badge variant="primary">{t('thisDevice')}</Badge> : null}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {session.ipAddress
                      ? t('signedInFrom', {
                          ip: session.ipAddress,
                          time: formatDateTime(session.createdAt, locale),
                        })
                      : t('signedIn', { time: formatDateTime(session.createdAt, locale) })}
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
                    aria-label={t('signOutLabel', {
                      device: describeUserAgent(session.userAgent),
                      time: formatDateTime(session.createdAt, locale),
                    })}
                  >
                    {t('signOut')}
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
