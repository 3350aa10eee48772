'use client';

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Alert } from '../../../../components/ui/alert';
import { Badge } from '../../../../components/ui/badge';
import { Button } from '../../../../components/ui/button';
import { EmptyState } from '../../../../components/ui/empty-state';
import { Input } from '../../../../components/ui/input';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../components/ui/table';
import { useToast } from '../../../../components/ui/toast';
import { authClient } from '../../../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../../../lib/auth-errors';
import { dateLocale, formatDate, formatDateTime } from '../../../../lib/format';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '../../../../components/ui/dropdown-menu';
import { useAction } from '../../../../lib/use-action';
import { forceVerifyEmailAction, resendVerificationAction, revokeSessionsAction } from './actions';
import { BanUserDialog } from './ban-user-dialog';

const PAGE_SIZE = 20;

type AdminUser = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  role?: string | null;
  banned?: boolean | null;
  banReason?: string | null;
  banExpires?: string | Date | null;
  twoFactorEnabled?: boolean | null;
  createdAt: string | Date;
};

type LoadState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; users: AdminUser[]; total: number };

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const { toast } = useToast();
  const t = useTranslations('admin');
  const tErrors = useTranslations('common.authErrors');
  // Dates are formatted only after the list loads in the browser (lib/format), in the app's locale.
  const locale = dateLocale(useLocale());
  const searchId = useId();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [busyUser, setBusyUser] = useState<string | null>(null);

  // Answers can arrive out of order (the first page's after a search's): only the latest request's
  // answer may fill the table.
  const latestRequest = useRef(0);
  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    const outcome = await callAuth(
      authClient.admin.listUsers({
        query: {
          ...(search
            ? { searchValue: search, searchField: 'email' as const, searchOperator: 'contains' as const }
            : {}),
          limit: PAGE_SIZE,
          offset,
          sortBy: 'createdAt',
          sortDirection: 'desc',
        },
      }),
    );
    if (request !== latestRequest.current) return;
    if (!outcome.ok) {
      setState({ kind: 'error', message: localizedAuthMessage(outcome, tErrors) });
      return;
    }
    const data = outcome.data as { users?: AdminUser[]; total?: number };
    setState({ kind: 'loaded', users: data.users ?? [], total: data.total ?? 0 });
  }, [search, offset, tErrors]);

  useEffect(() => {
    void load();
  }, [load]);

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = input.trim();
    // A new search starts at the first page; the same search again reloads it.
    if (value === search && offset === 0) void load();
    setSearch(value);
    setOffset(0);
    setState({ kind: 'loading' });
  }

  async function unban(user: AdminUser) {
    setBusyUser(user.id);
    const outcome = await callAuth(authClient.admin.unbanUser({ userId: user.id }));
    setBusyUser(null);
    if (!outcome.ok) {
      toast({
        title: t('users.unbanFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    toast({ title: t('users.unbanned', { email: user.email }), variant: 'success' });
    await load();
  }

  const verify = useAction(forceVerifyEmailAction);
  const resend = useAction(resendVerificationAction);
  const revoke = useAction(revokeSessionsAction);

  /** The account actions (server actions, audited under the staff member's name). */
  async function accountAction(user: AdminUser, kind: 'verify' | 'resend' | 'revoke') {
    setBusyUser(user.id);
    const result =
      kind === 'verify'
        ? await verify.run(user.id)
        : kind === 'resend'
          ? await resend.run(user.id)
          : await revoke.run(user.id);
    setBusyUser(null);
    if (!result.ok) {
      toast({ title: t('users.actionFailed'), description: result.error.message, variant: 'destructive' });
      return;
    }
    const data = result.data as { changed?: boolean; sentTo?: string; revoked?: number };
    const title =
      kind === 'verify'
        ? data.changed
          ? t('users.verified', { email: user.email })
          : t('users.alreadyVerified', { email: user.email })
        : kind === 'resend'
          ? t('users.verificationSent', { email: data.sentTo ?? user.email })
          : t('users.signedOut', { email: user.email, count: data.revoked ?? 0 });
    toast({ title, variant: 'success' });
    await load();
  }

  async function impersonate(user: AdminUser) {
    setBusyUser(user.id);
    const outcome = await callAuth(authClient.admin.impersonateUser({ userId: user.id }));
    if (!outcome.ok) {
      setBusyUser(null);
      toast({
        title: t('users.impersonateFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    // A full load: every server component must render as the impersonated person.
    window.location.assign('/app');
  }

  return (
    <div className="grid gap-4">
      <form role="search" onSubmit={submitSearch} className="flex max-w-lg flex-wrap items-end gap-2">
        <div className="grid min-w-56 flex-1 gap-1.5">
          <label htmlFor={searchId} className="text-sm font-medium">
            {t('users.searchLabel')}
          </label>
          <Input
            id={searchId}
            type="search"
            name="q"
            placeholder={t('users.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
        </div>
        <Button
          type="submit"
          variant="secondary"
          loading={state.kind === 'loading' && search === input.trim()}
        >
          {t('search')}
        </Button>
        {search ? (
          <Button
            variant="ghost"
            onClick={() => {
              setInput('');
              setSearch('');
              setOffset(0);
              setState({ kind: 'loading' });
            }}
          >
            {t('users.clear')}
          </Button>
        ) : null}
      </form>

      {state.kind === 'error' ? (
        <Alert
          variant="destructive"
          action={
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              {t('tryAgain')}
            </Button>
          }
        >
          {state.message}
        </Alert>
      ) : state.kind === 'loaded' && state.users.length === 0 ? (
        <EmptyState
          title={search ? t('users.noMatchTitle') : t('users.emptyTitle')}
          description={search ? t('users.noMatchBody', { search }) : t('users.emptyBody')}
        />
      ) : (
        <Table aria-busy={state.kind === 'loading' || undefined} data-testid="users-table">
          <TableCaption className="sr-only">
            {search ? t('users.captionSearch', { search }) : t('users.caption')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t('users.person')}</TableHead>
              <TableHead>{t('users.role')}</TableHead>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('users.joined')}</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">{t('actions')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.kind === 'loading'
              ? [0, 1, 2].map((row) => (
                  <TableRow key={row}>
                    <TableCell colSpan={5}>
                      <div className="h-8 animate-pulse rounded bg-muted" />
                    </TableCell>
                  </TableRow>
                ))
              : state.users.map((user) => {
                  const self = user.id === currentUserId;
                  const busy = busyUser === user.id;
                  return (
                    <TableRow key={user.id}>
                      <TableCell>
                        <div className="grid min-w-0 gap-0.5">
                          <span className="font-medium">{user.name || '—'}</span>
                          <span className="text-xs text-muted-foreground">{user.email}</span>
                        </div>
                      </TableCell>
                      <TableCell>
                        {user.role === 'admin' ? (
                          <Badge variant="primary">{t('users.staff')}</Badge>
                        ) : (
                          <Badge>{t('users.user')}</Badge>
                        )}
                      </TableCell>
                      <TableCell>
                        <div className="flex flex-wrap gap-1.5">
                          {user.banned ? (
                            <Badge
                              variant="destructive"
                              title={
                                user.banExpires
                                  ? t('users.banTooltipUntil', {
                                      reason: user.banReason ?? t('users.banNoReason'),
                                      until: formatDateTime(user.banExpires, locale),
                                    })
                                  : t('users.banTooltip', {
                                      reason: user.banReason ?? t('users.banNoReason'),
                                    })
                              }
                            >
                              {t('users.banned')}
                            </Badge>
                          ) : null}
                          {user.emailVerified ? null : <Badge>{t('users.unverified')}</Badge>}
                          {user.twoFactorEnabled ? (
                            <Badge variant="success">{t('users.twoFactor')}</Badge>
                          ) : null}
                          {!user.banned && user.emailVerified && !user.twoFactorEnabled ? (
                            <span className="text-xs text-muted-foreground">{t('users.active')}</span>
                          ) : null}
                        </div>
                      </TableCell>
                      <TableCell className="whitespace-nowrap text-muted-foreground">
                        {formatDate(user.createdAt, locale)}
                      </TableCell>
                      <TableCell>
                        <div className="flex justify-end gap-1">
                          {self ? (
                            <span className="text-xs text-muted-foreground">{t('users.you')}</span>
                          ) : (
                            <>
                              <Button
                                size="sm"
                                variant="ghost"
                                loading={busy}
                                disabled={busyUser !== null || Boolean(user.banned)}
                                onClick={() => void impersonate(user)}
                                aria-label={t('users.impersonateLabel', { email: user.email })}
                              >
                                {t('users.impersonate')}
                              </Button>
                              <DropdownMenu>
                                <DropdownMenuTrigger asChild>
                                  <Button
                                    size="sm"
                                    variant="ghost"
                                    disabled={busyUser !== null}
                                    aria-label={t('users.accountLabel', { email: user.email })}
                                  >
                                    {t('users.account')}
                                  </Button>
                                </DropdownMenuTrigger>
                                <DropdownMenuContent align="end">
                                  {user.emailVerified ? null : (
                                    <>
                                      <DropdownMenuItem onSelect={() => void accountAction(user, 'verify')}>
                                        {t('users.markVerified')}
                                      </DropdownMenuItem>
                                      <DropdownMenuItem onSelect={() => void accountAction(user, 'resend')}>
                                        {t('users.resendVerification')}
                                      </DropdownMenuItem>
                                    </>
                                  )}
                                  <DropdownMenuItem onSelect={() => void accountAction(user, 'revoke')}>
                                    {t('users.signOutEverywhere')}
                                  </DropdownMenuItem>
                                </DropdownMenuContent>
                              </DropdownMenu>
                              {user.banned ? (
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  disabled={busyUser !== null}
                                  onClick={() => void unban(user)}
                                  aria-label={t('users.unbanLabel', { email: user.email })}
                                >
                                  {t('users.unban')}
                                </Button>
                              ) : (
                                <BanUserDialog
                                  user={user}
                                  onBanned={() => {
                                    toast({
                                      title: t('users.bannedToast', { email: user.email }),
                                      variant: 'success',
                                    });
                                    void load();
                                  }}
                                />
                              )}
                            </>
                          )}
                        </div>
                      </TableCell>
                    </TableRow>
                  );
                })}
          </TableBody>
        </Table>
      )}

      {state.kind === 'loaded' && state.total > 0 ? (
        <nav
          aria-label={t('users.pages')}
          className="flex flex-wrap items-center justify-between gap-2 text-sm"
        >
          <p className="text-muted-foreground">
            {t('users.range', {
              from: offset + 1,
              to: Math.min(offset + state.users.length, state.total),
              total: state.total,
            })}
          </p>
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={offset === 0}
              onClick={() => {
                setOffset(Math.max(0, offset - PAGE_SIZE));
                setState({ kind: 'loading' });
              }}
            >
              {t('users.previous')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={offset + PAGE_SIZE >= state.total}
              onClick={() => {
                setOffset(offset + PAGE_SIZE);
                setState({ kind: 'loading' });
              }}
            >
              {t('users.next')}
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
