import Link from 'next/link';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { serverContext } from '@plinth/core/server-context';
import { elevatedUntil } from '@plinth/core/staff';
import { listMyWorkspaces } from '@plinth/core/tenancy';
import { CommandPalette } from '../../components/app-shell/command-palette';
import { ImpersonationBanner } from '../../components/app-shell/impersonation-banner';
import { NavigationProgress } from '../../components/app-shell/navigation-progress';
import { SessionRefresh } from '../../components/app-shell/session-refresh';
import { SidebarNav } from '../../components/app-shell/sidebar-nav';
import { UserMenu } from '../../components/app-shell/user-menu';
import { ThemeSync } from '../../components/app-shell/theme-sync';
import { NotificationBell } from '../../components/notifications/notification-bell';
import { LiveEventsProvider } from '../../components/realtime/live-events';
import type { WorkspaceLink } from '../../components/app-shell/workspace-nav';
import { WorkspaceSwitcher } from '../../components/app-shell/workspace-switcher';
import { Logo } from '../../components/brand/logo';
import { isStaff, readRequestPerson, type Session } from '../../lib/session';
import { WORKSPACE_COOKIE } from '../../lib/workspace-cookie';

/**
 * The signed-in shell: sidebar, top bar with the workspace switcher and the user menu, and the
 * impersonation banner, around the page. It only draws chrome: each page checks the session and
 * its workspace membership itself (requireSession, requireMember), because layouts do not
 * re-render on client navigation and do not stop their pages from rendering.
 */
export async function SignedInShell({
  session,
  children,
}: {
  session: Session & { refreshDue: boolean };
  children: ReactNode;
}) {
  const { user } = session;
  const impersonation = session.session.impersonatedBy ? ((await readRequestPerson())?.info ?? null) : null;
  // Independent reads, side by side (each on its own pooled connection). The saved theme came with
  // the session's row (the same read as getTheme's, in the session's statement).
  const { theme } = user;
  const [myWorkspaces, elevation, cookieStore] = await Promise.all([
    listMyWorkspaces(serverContext(), user.id),
    impersonation ? elevatedUntil(serverContext().database, impersonation) : null,
    cookies(),
  ]);
  const workspaces: WorkspaceLink[] = myWorkspaces.map(({ name, slug, role, logo }) => ({
    name,
    slug,
    role,
    logo: logo ?? null,
  }));
  const rememberedSlug = cookieStore.get(WORKSPACE_COOKIE)?.value ?? null;
  const t = await getTranslations('shell');

  return (
    <LiveEventsProvider>
      <NavigationProgress />
      {session.refreshDue ? <SessionRefresh /> : null}
      <ThemeSync theme={theme} />
      {/* Drawn in the person's saved theme by the server: right from the first paint on any device. */}
      <div className={`${theme} flex min-h-dvh flex-col bg-background text-foreground`}>
        {session.session.impersonatedBy ? (
          <ImpersonationBanner
            name={user.name}
            email={user.email}
            elevatedUntil={elevation ? elevation.toISOString() : null}
          />
        ) : null}
        <div className="flex min-h-0 flex-1">
          <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-muted/40 md:flex">
            <div className="flex h-14 items-center border-b border-border px-4">
              <Link href="/" className="rounded-md text-foreground">
                <Logo />
              </Link>
            </div>
            <nav aria-label={t('navWorkspace')} className="flex-1 p-3">
              <SidebarNav workspaces={workspaces} rememberedSlug={rememberedSlug} />
            </nav>
          </aside>

          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex h-14 items-center gap-4 border-b border-border px-4 sm:px-6">
              <Link href="/" aria-label={t('homeLink')} className="rounded-md md:hidden">
                <Logo className="[&>span:last-child]:sr-only" />
              </Link>
              <span aria-hidden="true" className="text-muted-foreground md:hidden">
                /
              </span>
              <WorkspaceSwitcher workspaces={workspaces} rememberedSlug={rememberedSlug} />
              <div className="ml-auto flex items-center gap-2">
                <CommandPalette workspaces={workspaces} rememberedSlug={rememberedSlug} />
                <NotificationBell />
                <UserMenu name={user.name} email={user.email} image={user.image} staff={isStaff(user)} />
              </div>
            </header>
            <nav aria-label={t('navWorkspaceCompact')} className="border-b border-border px-3 py-2 md:hidden">
              <SidebarNav workspaces={workspaces} rememberedSlug={rememberedSlug} orientation="horizontal" />
            </nav>
            <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 outline-none sm:px-6 lg:px-8">
              {children}
            </main>
          </div>
        </div>
      </div>
    </LiveEventsProvider>
  );
}
