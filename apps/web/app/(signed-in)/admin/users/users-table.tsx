'use client';

import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
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
import { callAuth } from '../../../../lib/auth-errors';
import { formatDate, formatDateTime } from '../../../../lib/format';
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
      setState({ kind: 'error', message: outcome.message });
      return;
    }
    const data = outcome.data as { users?: AdminUser[]; total?: number };
    setState({ kind: 'loaded', users: data.users ?? [], total: data.total ?? 0 });
  }, [search, offset]);

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
      toast({ title: 'Could not unban', description: outcome.message, variant: 'destructive' });
      return;
    }
    toast({ title: `${user.email} can sign in again`, variant: 'success' });
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
      toast({ title: 'Could not do that', description: result.error.message, variant: 'destructive' });
      return;
    }
    const data = result.data as { changed?: boolean; sentTo?: string; revoked?: number };
    const title =
      kind === 'verify'
        ? data.changed
          ? `${user.email} is verified`
          : `${user.email} was already verified`
        : kind === 'resend'
          ? `Verification email sent to ${data.sentTo ?? user.email}`
          : `${user.email} is signed out everywhere (${data.revoked ?? 0} ${data.revoked === 1 ? 'session' : 'sessions'})`;
    toast({ title, variant: 'success' });
    await load();
  }

  async function impersonate(user: AdminUser) {
    setBusyUser(user.id);
    const outcome = await callAuth(authClient.admin.impersonateUser({ userId: user.id }));
    if (!outcome.ok) {
      setBusyUser(null);
      toast({ title: 'Could not impersonate', description: outcome.message, variant: 'destructive' });
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
            Search by email
          </label>
          <Input
            id={searchId}
            type="search"
            name="q"
            placeholder="e.g. acme.test"
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
          Search
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
            Clear
          </Button>
        ) : null}
      </form>

      {state.kind === 'error' ? (
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
      ) : state.kind === 'loaded' && state.users.length === 0 ? (
        <EmptyState
          title={search ? 'No matching users' : 'No users yet'}
          description={
            search ? `Nobody’s email contains “${search}”.` : 'People appear here once they sign up.'
          }
        />
      ) : (
        <Table aria-busy={state.kind === 'loading' || undefined} data-testid="users-table">
          <TableCaption className="sr-only">
            Users{search ? ` whose email contains “${search}”` : ''}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Joined</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
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
                        {user.role === 'admin' ? <Badge variant="primary">Staff</Badge> : <Badge>User</Badge>}
                      </TableCell>
                      <TableCell>
                        <div className="flex flex-wrap gap-1.5">
                          {user.banned ? (
                            <Badge
                              variant="destructive"
                              title={`${user.banReason ?? 'No reason'}${user.banExpires ? ` — until ${formatDateTime(user.banExpires)}` : ''}`}
                            >
                              Banned
                            </Badge>
                          ) : null}
                          {user.emailVerified ? null : <Badge>Unverified</Badge>}
                          {user.twoFactorEnabled ? <Badge variant="success">2FA</Badge> : null}
                          {!user.banned && user.emailVerified && !user.twoFactorEnabled ? (
                            <span className="text-xs text-muted-foreground">Active</span>
                          ) : null}
                        </div>
                      </TableCell>
                      <TableCell className="whitespace-nowrap text-muted-foreground">
                        {formatDate(user.createdAt)}
                      </TableCell>
                      <TableCell>
                        <div className="flex justify-end gap-1">
                          {self ? (
                            <span className="text-xs text-muted-foreground">You</span>
                          ) : (
                            <>
                              <Button
                                size="sm"
                                variant="ghost"
                                loading={busy}
                                disabled={busyUser !== null || Boolean(user.banned)}
                                onClick={() => void impersonate(user)}
                                aria-label={`Impersonate ${user.email}`}
                              >
                                Impersonate
                              </Button>
                              <DropdownMenu>
                                <DropdownMenuTrigger asChild>
                                  <Button
                                    size="sm"
                                    variant="ghost"
                                    disabled={busyUser !== null}
                                    aria-label={`Account actions for ${user.email}`}
                                  >
                                    Account…
                                  </Button>
                                </DropdownMenuTrigger>
                                <DropdownMenuContent align="end">
                                  {user.emailVerified ? null : (
                                    <>
                                      <DropdownMenuItem onSelect={() => void accountAction(user, 'verify')}>
                                        Mark email verified
                                      </DropdownMenuItem>
                                      <DropdownMenuItem onSelect={() => void accountAction(user, 'resend')}>
                                        Resend verification email
                                      </DropdownMenuItem>
                                    </>
                                  )}
                                  <DropdownMenuItem onSelect={() => void accountAction(user, 'revoke')}>
                                    Sign out everywhere
                                  </DropdownMenuItem>
                                </DropdownMenuContent>
                              </DropdownMenu>
                              {user.banned ? (
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  disabled={busyUser !== null}
                                  onClick={() => void unban(user)}
                                  aria-label={`Unban ${user.email}`}
                                >
                                  Unban
                                </Button>
                              ) : (
                                <BanUserDialog
                                  user={user}
                                  onBanned={() => {
                                    toast({ title: `${user.email} is banned`, variant: 'success' });
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
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p className="text-muted-foreground">
            {offset + 1}–{Math.min(offset + state.users.length, state.total)} of {state.total}
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
              Previous
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
              Next
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
