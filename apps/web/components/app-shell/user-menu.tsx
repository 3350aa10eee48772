'use client';

import Link from 'next/link';
import { useState } from 'react';
import { authClient } from '../../lib/auth-client';
import { callAuth } from '../../lib/auth-errors';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { useToast } from '../ui/toast';

type UserMenuProps = {
  name: string;
  email: string;
  /** Staff see the admin pages; the server checks again on every request. */
  staff: boolean;
};

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  const parts = source.split(/\s+/u).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : source.slice(0, 1);
  return letters.toUpperCase();
}

export function UserMenu({ name, email, staff }: UserMenuProps) {
  const { toast } = useToast();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    const outcome = await callAuth(authClient.signOut());
    if (!outcome.ok) {
      setSigningOut(false);
      toast({ title: 'Could not sign out', description: outcome.message, variant: 'destructive' });
      return;
    }
    window.location.assign('/sign-in');
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex cursor-pointer items-center gap-2 rounded-full p-0.5 pr-2 text-sm font-medium transition-colors hover:bg-muted data-[state=open]:bg-muted"
        aria-label={`Account menu for ${email}`}
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-muted text-xs font-semibold text-foreground ring-1 ring-border"
        >
          {initials(name, email)}
        </span>
        <span className="hidden max-w-48 truncate sm:inline">{email}</span>
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          className="hidden size-4 text-muted-foreground sm:block"
        >
          <path d="m6 9 6 6 6-6" />
        </svg>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate font-medium">{name || email}</span>
          <span className="truncate text-xs text-muted-foreground" data-testid="user-menu-email">
            {email}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuGroup>
          <DropdownMenuItem asChild>
            <Link href="/app">Workspace</Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/account">Account settings</Link>
          </DropdownMenuItem>
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/users">Admin · Users</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/billing-events">Admin · Billing events</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/system">Admin · System</Link>
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signingOut}
          onSelect={(event) => {
            // Keep the menu open (and the item disabled) until the browser leaves the page.
            event.preventDefault();
            void signOut();
          }}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
