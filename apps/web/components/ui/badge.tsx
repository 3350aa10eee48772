import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

const variantClasses = {
  neutral: 'border-border bg-muted text-muted-foreground',
  primary: 'border-primary/30 bg-primary/10 text-primary',
  success: 'border-success/30 bg-success/10 text-success-text',
  destructive: 'border-destructive/30 bg-destructive/10 text-destructive-text',
} as const;

export type BadgeProps = ComponentProps<'span'> & { variant?: keyof typeof variantClasses };

export function Badge({ variant = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        variantClasses[variant],
        className,
      )}
      {...props}
    />
  );
}
