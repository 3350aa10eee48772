import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

type SettingsSectionProps = {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** Shown beside the title, e.g. a status badge. */
  aside?: ReactNode;
  tone?: 'default' | 'danger';
  children: ReactNode;
};

/** One card on a settings page (account, workspace): a labelled region with its own heading. */
export function SettingsSection({
  id,
  title,
  description,
  aside,
  tone = 'default',
  children,
}: SettingsSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn('rounded-xl border', tone === 'danger' ? 'border-destructive/40' : 'border-border')}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 pt-5 pb-4">
        <div className="grid gap-1">
          <h2 id={headingId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {aside}
      </div>
      <div className="border-t border-border px-6 py-5">{children}</div>
    </section>
  );
}
