import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/**
 * Below the `sm` breakpoint a `stacked` table draws each row as a small card: the header row is
 * kept for screen readers only, a cell marked `data-stack="full"` takes the whole first line (the
 * row's name), the other cells share the next lines, and `data-stack="hide"` cells (secondary
 * columns such as dates) are left out. Every page must fit a 360 px screen without scrolling sideways.
 */
const stackedClasses = [
  'max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block',
  'max-sm:[&_tbody_tr]:grid max-sm:[&_tbody_tr]:grid-cols-[minmax(0,1fr)_auto] max-sm:[&_tbody_tr]:items-center',
  'max-sm:[&_tbody_tr]:gap-x-3 max-sm:[&_tbody_tr]:gap-y-2 max-sm:[&_tbody_tr]:px-3 max-sm:[&_tbody_tr]:py-3',
  'max-sm:[&_td]:p-0 max-sm:[&_td[data-stack=full]]:col-span-full max-sm:[&_td[data-stack=hide]]:hidden',
].join(' ');

export function Table({
  className,
  stacked = false,
  ...props
}: ComponentProps<'table'> & { stacked?: boolean }) {
  return (
    // The wrapper scrolls horizontally so wide tables never widen the page.
    <div className="relative w-full overflow-x-auto rounded-lg border border-border">
      <table
        className={cn('w-full caption-bottom border-collapse text-sm', stacked && stackedClasses, className)}
        {...props}
      />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-muted/60 [&_tr]:border-b', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr className={cn('border-b border-border transition-colors hover:bg-muted/40', className)} {...props} />
  );
}

export function TableHead({ scope = 'col', className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn(
        'h-10 px-3 text-left align-middle text-xs font-medium tracking-wide text-muted-foreground uppercase',
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-middle', className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('py-2.5 text-sm text-muted-foreground', className)} {...props} />;
}
