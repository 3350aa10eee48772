'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { authClient } from '../../lib/auth-client';
import { callAuth, localizedAuthMessage } from '../../lib/auth-errors';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { Picture } from '../ui/picture';
import { useToast } from '../ui/toast';
import { forgetThemeOnDevice } from '../../lib/theme-device';

type UserMenuProps = {
  name: string;
  email: string;
  /** The resized avatar's URL (user.image); null shows the initials. */
  image: string | null;
  /** Staff see the admin pages; the server checks again on every request. */
  staff: boolean;
};

export function UserMenu({ name, email, image, staff }: UserMenuProps) {
  const { toast } = useToast();
  const t = useTranslations('shell.userMenu');
  const tErrors = useTranslations('common.authErrors');
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    const outcome = await callAuth(authClient.signOut());
    if (!outcome.ok) {
      setSigningOut(false);
      toast({
        title: t('signOutFailed'),
        description: localizedAuthMessage(outcome, tErrors),
        variant: 'destructive',
      });
      return;
    }
    // Signed out, the device shows what any visitor sees: the system theme.
    forgetThemeOnDevice();
    window.location.assign('/sign-in');
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex cursor-pointer items-center gap-2 rounded-full p-0.5 pr-2 text-sm font-medium transition-colors hover:bg-muted data-[state=open]:bg-muted">
        {/* The name is the visible text plus words for screen readers (no aria-label that differs
            from what is shown: axe label-content-name-mismatch). */}
        <span className="sr-only">{t('triggerPrefix')}</span>
        <span aria-hidden="true" className="flex">
          <Picture src={image} name={name} fallback={email} />
        </span>
        <span className="sr-only sm:not-sr-only sm:inline sm:max-w-48 sm:truncate">{email}</span>
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
            <Link href="/app">{t('workspace')}</Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/account">{t('account')}</Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/account/notifications">{t('notifications')}</Link>
          </DropdownMenuItem>
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin">{t('adminNumbers')}</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/workspaces">{t('adminWorkspaces')}</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/users">{t('adminUsers')}</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/flags">{t('adminFlags')}</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/billing-events">{t('adminBillingEvents')}</Link>
            </DropdownMenuItem>
          ) : null}
          {staff ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/system">{t('adminSystem')}</Link>
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
          {signingOut ? t('signingOut') : t('signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
