'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { can, type Permission } from '@plinth/core/access';
import { searchAction, type PaletteHit } from '../../app/(signed-in)/w/[slug]/actions';
import { cn } from '../../lib/cn';
import { Dialog, DialogContent } from '../ui/dialog';
import { useCurrentWorkspace, type WorkspaceLink } from './workspace-nav';

/** One row of the palette: where choosing it goes. */
interface Command {
  id: string;
  /** Its heading's key under shell.palette.groups. */
  group: 'results' | 'actions' | 'goTo' | 'switchWorkspace';
  label: string;
  detail?: string | null;
  href: string;
}

/** Pages and actions of a workspace, each with the permission its page asks for (hidden without it). */
const workspaceCommands: {
  group: 'actions' | 'goTo';
  /** Its key under shell.palette.commands. */
  label:
    | 'createProject'
    | 'invite'
    | 'createApiKey'
    | 'choosePlan'
    | 'projects'
    | 'members'
    | 'audit'
    | 'billing'
    | 'settings'
    | 'webhooks';
  path: string;
  permission?: Permission;
}[] = [
  { group: 'actions', label: 'createProject', path: 'projects?create=1', permission: 'project.create' },
  { group: 'actions', label: 'invite', path: 'members', permission: 'member.invite' },
  { group: 'actions', label: 'createApiKey', path: 'settings/api-keys', permission: 'api_key.manage' },
  { group: 'actions', label: 'choosePlan', path: 'billing', permission: 'billing.manage' },
  { group: 'goTo', label: 'projects', path: 'projects' },
  { group: 'goTo', label: 'members', path: 'members' },
  { group: 'goTo', label: 'audit', path: 'audit', permission: 'audit.read' },
  { group: 'goTo', label: 'billing', path: 'billing', permission: 'billing.read' },
  { group: 'goTo', label: 'settings', path: 'settings' },
  { group: 'goTo', label: 'webhooks', path: 'settings/webhooks', permission: 'webhook.manage' },
];

const DEBOUNCE_MS = 200;

/**
 * The ⌘K / Ctrl-K palette: pages, actions the person's role may take (the permission table; the
 * server still refuses the rest), other workspaces, and search results from searchWorkspace as
 * they type (debounced). A combobox over a listbox: arrow keys move, Enter opens, Escape closes.
 */
export function CommandPalette({
  workspaces,
  rememberedSlug,
}: {
  workspaces: WorkspaceLink[];
  rememberedSlug: string | null;
}) {
  const router = useRouter();
  const t = useTranslations('shell.palette');
  const current = useCurrentWorkspace(workspaces, rememberedSlug);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PaletteHit[]>([]);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const latest = useRef(0);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Search as the person types, debounced; only the latest answer is shown.
  const trimmed = query.trim();
  useEffect(() => {
    if (!open || !current || trimmed.length === 0) {
      setHits([]);
      setSearching(false);
      setSearchError(null);
      return;
    }
    const ticket = ++latest.current;
    setSearching(true);
    const timer = setTimeout(() => {
      void searchAction(current.slug, trimmed)
        .catch(() => ({ ok: false as const, error: { message: t('unreachable') } }))
        .then((result) => {
          if (ticket !== latest.current) return;
          setSearching(false);
          if (result.ok) {
            setHits(result.data);
            setSearchError(null);
          } else {
            setHits([]);
            setSearchError(result.error.message);
          }
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [open, current, trimmed, t]);

  const commands = useMemo<Command[]>(() => {
    const needle = trimmed.toLowerCase();
    const matches = (label: string) => needle === '' || label.toLowerCase().includes(needle);
    const rows: Command[] = [];
    if (current) {
      const base = `/w/${encodeURIComponent(current.slug)}`;
      for (const hit of hits) {
        rows.push({
          id: `hit-${hit.type}-${hit.id}`,
          group: 'results',
          label: hit.name,
          detail:
            hit.type === 'project'
              ? (hit.detail ?? t('projectHit'))
              : t('memberHit', { detail: hit.detail ?? '' }),
          href: hit.type === 'project' ? `${base}/projects/${hit.id}` : `${base}/members`,
        });
      }
      const actor = { type: 'user' as const, id: 'me', workspaceId: current.slug, role: current.role };
      for (const command of workspaceCommands) {
        if (command.permission && !can(actor, command.permission)) continue;
        const label = t(`commands.${command.label}`);
        if (!matches(label)) continue;
        rows.push({
          id: `${command.group}-${command.path}`,
          group: command.group,
          label,
          href: `${base}/${command.path}`,
        });
      }
    }
    for (const workspace of workspaces) {
      if (workspace.slug === current?.slug || !matches(workspace.name)) continue;
      rows.push({
        id: `ws-${workspace.slug}`,
        group: 'switchWorkspace',
        label: workspace.name,
        href: `/w/${encodeURIComponent(workspace.slug)}/projects`,
      });
    }
    const account = t('commands.account');
    if (matches(account)) rows.push({ id: 'account', group: 'goTo', label: account, href: '/account' });
    return rows;
  }, [current, hits, trimmed, workspaces, t]);

  useEffect(() => setActive(0), [commands.length, trimmed]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    setOpen(false);
    router.push(command.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => (commands.length === 0 ? 0 : (index + 1) % commands.length));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (commands.length === 0 ? 0 : (index - 1 + commands.length) % commands.length));
    } else if (event.key === 'Home') {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      setActive(Math.max(0, commands.length - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(commands[active]);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  const groups = [...new Set(commands.map((command) => command.group))];

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-border bg-background px-2.5 text-sm text-muted-foreground shadow-xs transition-colors hover:bg-muted hover:text-foreground"
        data-testid="open-command-palette"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          className="size-4"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">{t('open')}</span>
        <kbd aria-hidden="true" className="hidden rounded border border-border px-1 text-xs sm:inline">
          {t('shortcut')}
        </kbd>
      </button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setQuery('');
        }}
      >
        <DialogContent
          title={t('title')}
          className="top-[10vh] max-w-lg translate-y-0 gap-3 p-4"
          data-testid="command-palette"
        >
          <input
            role="combobox"
            aria-expanded={commands.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={commands.length > 0 ? optionId(active) : undefined}
            aria-label={current ? t('searchLabel', { workspace: current.name }) : t('commandLabel')}
            autoFocus
            value={query}
            maxLength={100}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={
              current ? t('searchPlaceholder', { workspace: current.name }) : t('commandPlaceholder')
            }
            className="h-10 w-full min-w-0 rounded-md border border-border bg-background px-3 text-sm focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none"
          />
          <p aria-live="polite" className="min-h-4 text-xs text-muted-foreground">
            {searchError ??
              (searching
                ? t('searching')
                : trimmed && hits.length === 0 && current
                  ? t('noHits', { query: trimmed })
                  : '')}
          </p>
          <ul id={listId} role="listbox" aria-label={t('listLabel')} className="max-h-[60vh] overflow-y-auto">
            {groups.map((group) => (
              <li key={group} role="presentation">
                <p aria-hidden="true" className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground">
                  {t(`groups.${group}`)}
                </p>
                <ul role="group" aria-label={t(`groups.${group}`)}>
                  {commands.map((command, index) =>
                    command.group === group ? (
                      <li
                        key={command.id}
                        id={optionId(index)}
                        role="option"
                        aria-selected={index === active}
                        onMouseMove={() => setActive(index)}
                        onClick={() => choose(command)}
                        className={cn(
                          'flex cursor-pointer flex-col rounded-md px-2 py-1.5 text-sm',
                          index === active ? 'bg-muted text-foreground' : 'text-foreground',
                        )}
                      >
                        <span className="truncate">{command.label}</span>
                        {command.detail ? (
                          <span className="truncate text-xs text-muted-foreground">{command.detail}</span>
                        ) : null}
                      </li>
                    ) : null,
                  )}
                </ul>
              </li>
            ))}
          </ul>
          {commands.length === 0 ? (
            <p className="px-2 text-sm text-muted-foreground">{t('nothing')}</p>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
