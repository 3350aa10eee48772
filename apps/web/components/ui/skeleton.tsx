import { useTranslations } from 'next-intl';
import { cn } from '../../lib/cn';

/** A grey placeholder block while a page's data loads; hidden from assistive technology. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cn('rounded-md bg-muted motion-safe:animate-pulse', className)} />
  );
}

/**
 * What a workspace page shows while its server component fetches (each route's loading.tsx): the
 * heading's shape and a few rows, announced once as "Loading" (ui.loading, or `label`) for screen
 * readers.
 */
export function PageSkeleton({ rows = 4, label }: { rows?: number; label?: string }) {
  const t = useTranslations('ui');
  return (
    <div
      className="mx-auto grid w-full max-w-4xl gap-8"
      role="status"
      aria-live="polite"
      data-testid="page-skeleton"
    >
      <span className="sr-only">{label ?? t('loading')}…</span>
      <div className="grid gap-2">
        <Skeleton className="h-4 w-32" />
        <Skeleton className="h-8 w-56" />
      </div>
      <div className="grid gap-3 rounded-xl border border-border p-6">
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} className={cn('h-10', index % 2 === 0 ? 'w-full' : 'w-5/6')} />
        ))}
      </div>
    </div>
  );
}
