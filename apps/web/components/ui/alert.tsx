import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

export type AlertVariant = 'info' | 'success' | 'destructive';

const variantClasses: Record<AlertVariant, string> = {
  info: 'border-border bg-muted/60 text-foreground',
  success: 'border-success/40 bg-success/10 text-foreground',
  destructive: 'border-destructive/40 bg-destructive/10 text-foreground',
};

export type AlertProps = {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons or links under the message, e.g. "Resend the email". */
  action?: ReactNode;
  className?: string;
  'data-testid'?: string;
};

/**
 * An inline message inside a form or page. Errors use role="alert" so screen readers announce them
 * as they appear; everything else is a polite status.
 */
export function Alert({ variant = 'info', title, children, action, className, ...props }: AlertProps) {
  return (
    <div
      role={variant === 'destructive' ? 'alert' : 'status'}
      className={cn('grid gap-1 rounded-lg border px-4 py-3 text-sm', variantClasses[variant], className)}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? (
        <div
          className={cn(title ? 'text-muted-foreground' : 'text-foreground', '[&_strong]:text-foreground')}
        >
          {children}
        </div>
      ) : null}
      {action ? <div className="mt-2 flex flex-wrap gap-2">{action}</div> : null}
    </div>
  );
}
