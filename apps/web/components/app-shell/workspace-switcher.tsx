'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { CreateWorkspaceDialog } from '../workspaces/create-workspace-dialog';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../ui/dropdown-menu';
import { useCurrentWorkspace, type WorkspaceLink } from './workspace-nav';

type WorkspaceSwitcherProps = {
  workspaces: WorkspaceLink[];
  rememberedSlug: string | null;
};

function Initial({ name, logo }: { name: string; logo?: string | null | undefined }) {
  if (logo) {
    return (
      <img
        src={logo}
        alt=""
        aria-hidden="true"
        data-testid="workspace-logo"
        className="size-7 shrink-0 rounded-md object-cover ring-1 ring-border"
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-xs font-semibold text-primary-foreground"
    >
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}

/** The top bar's workspace menu: every workspace the person belongs to, and "Create workspace". */
export function WorkspaceSwitcher({ workspaces, rememberedSlug }: WorkspaceSwitcherProps) {
  const current = useCurrentWorkspace(workspaces, rememberedSlug);
  const [creating, setCreating] = useState(false);
  const t = useTranslations('shell');
  const label = current?.name ?? (workspaces.length > 0 ? t('switcher.choose') : t('switcher.none'));

  return (
    <>
      {/* Not modal: the dialog it opens must own focus and pointer events once the menu closes. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger
          className="flex min-w-0 cursor-pointer items-center gap-2.5 rounded-md px-1.5 py-1 text-sm font-semibold transition-colors hover:bg-muted data-[state=open]:bg-muted"
          data-testid="workspace-switcher"
        >
          <Initial name={current?.name ?? '+'} logo={current?.logo} />
          {/* Visible text first in the name, the rest for screen readers only (axe
              label-content-name-mismatch refuses an aria-label that differs from what is shown). */}
          <span className="sr-only">{t('switcher.srPrefix')}</span>
          <span className="truncate">{label}</span>
          <span className="sr-only">{t('switcher.srSuffix')}</span>
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            className="size-4 shrink-0 text-muted-foreground"
          >
            <path d="m7 10 5-5 5 5M7 14l5 5 5-5" />
          </svg>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          {workspaces.length > 0 ? (
            <>
              <DropdownMenuLabel className="text-xs text-muted-foreground">
                {t('switcher.heading')}
              </DropdownMenuLabel>
              <DropdownMenuGroup>
                {workspaces.map((workspace) => (
                  <DropdownMenuItem key={workspace.slug} asChild>
                    <Link
                      href={`/w/${workspace.slug}/projects`}
                      aria-current={workspace.slug === current?.slug ? 'page' : undefined}
                    >
                      <Initial name={workspace.name} logo={workspace.logo} />
                      <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                      <span className="text-xs text-muted-foreground">{t(`roles.${workspace.role}`)}</span>
                      {workspace.slug === current?.slug ? (
                        <svg
                          aria-hidden="true"
                          viewBox="0 0 24 24"
                          fill="none"
                          stroke="currentColor"
                          strokeWidth="2"
                          strokeLinecap="round"
                          className="size-4 text-primary"
                        >
                          <path d="m5 12 5 5 9-10" />
                        </svg>
                      ) : null}
                    </Link>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuGroup>
              <DropdownMenuSeparator />
            </>
          ) : null}
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              className="size-4"
            >
              <path d="M12 5v14M5 12h14" />
            </svg>
            {t('switcher.create')}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
