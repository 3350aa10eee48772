import { cn } from '../../lib/cn';

/** The Plinth mark and wordmark: a capital on a column on a base. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight', className)}>
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-6 shrink-0">
        <rect width="32" height="32" rx="7" className="fill-primary" />
        <rect x="9" y="8" width="14" height="4" rx="1" className="fill-primary-foreground" />
        <rect
          x="12"
          y="13.5"
          width="8"
          height="6"
          rx="1"
          className="fill-primary-foreground"
          fillOpacity="0.8"
        />
        <rect x="7" y="21" width="18" height="4" rx="1" className="fill-primary-foreground" />
      </svg>
      <span>Plinth</span>
    </span>
  );
}
