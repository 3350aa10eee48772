import Link from 'next/link';
import type { ReactNode } from 'react';
import { ImpersonationBanner } from '../../components/app-shell/impersonation-banner';
import { SidebarNav } from '../../components/app-shell/sidebar-nav';
import { UserMenu } from '../../components/app-shell/user-menu';
import { Logo } from '../../components/brand/logo';
import { getSession, isStaff } from '../../lib/session';

// Placeholder until the tenancy work resolves the signed-in actor's current workspace.
const workspaceName = 'Demo workspace';

/**
 * The signed-in shell: sidebar, top bar with the user menu, and the impersonation banner. It only
 * draws chrome: each page checks the session itself (requireSession), because layouts do not
 * re-render on client navigation and do not stop their pages from rendering.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) return children;
  const { user } = session;

  return (
    <div className="flex min-h-dvh flex-col">
      {session.session.impersonatedBy ? <ImpersonationBanner name={user.name} email={user.email} /> : null}
      <div className="flex min-h-0 flex-1">
        <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-muted/40 md:flex">
          <div className="flex h-14 items-center border-b border-border px-4">
            <Link href="/" className="rounded-md text-foreground">
              <Logo />
            </Link>
          </div>
          <nav aria-label="Workspace" className="flex-1 p-3">
            <SidebarNav />
          </nav>
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center gap-4 border-b border-border px-4 sm:px-6">
            <Link href="/" aria-label="Plinth home" className="rounded-md md:hidden">
              <Logo className="[&>span:last-child]:sr-only" />
            </Link>
            <span aria-hidden="true" className="text-muted-foreground md:hidden">
              /
            </span>
            <div className="flex min-w-0 items-center gap-2.5">
              <span
                aria-hidden="true"
                className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-xs font-semibold text-primary-foreground"
              >
                {workspaceName.charAt(0)}
              </span>
              <span className="truncate text-sm font-semibold">{workspaceName}</span>
            </div>
            <div className="ml-auto flex items-center gap-2">
              <UserMenu name={user.name} email={user.email} staff={isStaff(user)} />
            </div>
          </header>
          <nav aria-label="Workspace (compact)" className="border-b border-border px-3 py-2 md:hidden">
            <SidebarNav orientation="horizontal" />
          </nav>
          <main className="flex-1 px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </div>
      </div>
    </div>
  );
}
