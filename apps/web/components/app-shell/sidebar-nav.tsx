'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { can, type Permission } from '@plinth/core/access';
import { cn } from '../../lib/cn';
import { useCurrentWorkspace, type WorkspaceLink } from './workspace-nav';

type NavItem = {
  path: string;
  /** Its key under shell.nav in the catalogs. */
  label: 'projects' | 'members' | 'audit' | 'billing' | 'settings' | 'getStarted';
  icon: ReactNode;
  /** Hidden from roles without it (the page itself answers 404 to them anyway). */
  permission?: Permission;
};

const navItems: NavItem[] = [
  {
    path: 'projects',
    label: 'projects',
    icon: <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z" />,
  },
  {
    path: 'members',
    label: 'members',
    icon: (
      <>
        <circle cx="9" cy="8" r="3.5" />
        <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.5a3.5 3.5 0 0 1 0 7M18 14c2.2.6 3.5 2.8 3.5 6" />
      </>
    ),
  },
  {
    path: 'audit',
    label: 'audit',
    permission: 'audit.read',
    icon: (
      <>
        <path d="M8 4h8l4 4v12a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3Z" />
        <path d="M8 12h8M8 16h5" />
      </>
    ),
  },
  {
    path: 'billing',
    label: 'billing',
    permission: 'billing.read',
    icon: (
      <>
        <rect x="3" y="5" width="18" height="14" rx="2" />
        <path d="M3 10h18M7 15h4" />
      </>
    ),
  },
  {
    path: 'settings',
    label: 'settings',
    icon: (
      <>
        <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12" />
        <circle cx="16" cy="6" r="2" />
        <circle cx="10" cy="12" r="2" />
        <circle cx="18" cy="18" r="2" />
      </>
    ),
  },
];

const getStarted: NavItem = {
  path: '',
  label: 'getStarted',
  icon: <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1v-9.5Z" />,
};

type SidebarNavProps = {
  workspaces: WorkspaceLink[];
  rememberedSlug: string | null;
  orientation?: 'vertical' | 'horizontal';
};

/** Links to the current workspace's pages; with no workspace yet, to /app to create one. */
export function SidebarNav({ workspaces, rememberedSlug, orientation = 'vertical' }: SidebarNavProps) {
  const pathname = usePathname();
  const t = useTranslations('shell.nav');
  const current = useCurrentWorkspace(workspaces, rememberedSlug);
  const horizontal = orientation === 'horizontal';

  const links = current
    ? navItems
        .filter(
          (item) =>
            !item.permission ||
            can({ type: 'user', id: 'me', workspaceId: current.slug, role: current.role }, item.permission),
        )
        .map((item) => ({ ...item, href: `/w/${current.slug}/${item.path}` }))
    : [{ ...getStarted, href: '/app' }];

  return (
    <ul className={cn('flex gap-1', horizontal ? 'flex-row flex-wrap' : 'flex-col')}>
      {links.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors',
                active
                  ? 'bg-muted text-foreground'
                  : 'text-muted-foreground hover:bg-muted/70 hover:text-foreground',
              )}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
                strokeLinejoin="round"
                className="size-4 shrink-0"
              >
                {item.icon}
              </svg>
              {t(item.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
