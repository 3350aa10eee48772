'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '../../../../../components/ui/alert';
import { Button } from '../../../../../components/ui/button';
import { EmptyState } from '../../../../../components/ui/empty-state';
import { LocalTime } from '../../../../../components/ui/local-time';
import { useAction } from '../../../../../lib/use-action';
import { loadProjectsAction } from './actions';
import type { ProjectItem } from './project-item';

type ProjectListProps = {
  slug: string;
  initialItems: ProjectItem[];
  initialCursor: string | null;
  /** The create button, for people who may create; the empty state offers it. */
  emptyAction: ReactNode;
};

/** Newest first; "Load more" follows the server's cursor (stable while others add projects). */
export function ProjectList({ slug, initialItems, initialCursor, emptyAction }: ProjectListProps) {
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useAction(loadProjectsAction);
  const t = useTranslations('projects.list');

  async function loadMore() {
    if (!cursor) return;
    setError(null);
    const result = await run(slug, cursor);
    if (!result.ok) return setError(result.error.message);
    setItems((current) => [...current, ...result.data.items]);
    setCursor(result.data.nextCursor);
  }

  if (items.length === 0) {
    return (
      <EmptyState
        title={t('emptyTitle')}
        description={emptyAction ? t('emptyCreate') : t('emptyView')}
        icon={
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z" />
            <path d="M12 10.5v5M9.5 13h5" />
          </svg>
        }
        action={emptyAction}
      />
    );
  }

  return (
    <div className="grid gap-4">
      <ul aria-label={t('label')} className="divide-y divide-border rounded-xl border border-border">
        {items.map((project) => (
          <li key={project.id}>
            <Link
              href={`/w/${slug}/projects/${project.id}`}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 transition-colors hover:bg-muted/40"
            >
              <span className="grid min-w-0 gap-0.5">
                <span className="truncate font-medium">{project.name}</span>
                {project.description ? (
                  <span className="line-clamp-1 text-sm text-muted-foreground">{project.description}</span>
                ) : null}
              </span>
              <span className="text-xs text-muted-foreground">
                {t.rich('created', { time: () => <LocalTime value={project.createdAt} dateOnly /> })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      {cursor ? (
        <div className="flex justify-center">
          <Button variant="secondary" loading={pending} onClick={() => void loadMore()}>
            {t('loadMore')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
