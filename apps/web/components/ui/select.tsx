import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

export type SelectProps = ComponentProps<'select'>;

/** A native select styled like Input: keyboard, screen readers and mobile pickers work as-is. */
export function Select({ className, ...props }: SelectProps) {
  return (
    <select
      className={cn(
        'flex h-9 w-full min-w-0 cursor-pointer rounded-md border border-border bg-background px-2.5 py-1 text-sm',
        'text-foreground shadow-xs transition-colors',
        'focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 focus-visible:outline-none',
        'disabled:cursor-not-allowed disabled:opacity-50',
        'aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/30',
        className,
      )}
      {...props}
    />
  );
}
