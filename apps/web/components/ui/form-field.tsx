import { useId, type ReactElement, type ReactNode } from 'react';
import { Label, Slot } from 'radix-ui';
import { cn } from '../../lib/cn';

export type FormFieldProps = {
  label: ReactNode;
  /** Exactly one form control (Input, textarea, select…); it receives id and aria-* wiring. */
  children: ReactElement;
  hint?: ReactNode;
  /** When set, the control is marked aria-invalid and described by this message. */
  error?: ReactNode;
  /** Use when the caller needs to know the control's id; generated otherwise. */
  id?: string;
  required?: boolean;
  className?: string;
};

export function FormField({ label, children, hint, error, id, required = false, className }: FormFieldProps) {
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describedBy = [hint ? hintId : null, hasError ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label.Root htmlFor={controlId} className="text-sm font-medium text-foreground">
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-destructive">
            *
          </span>
        ) : null}
      </Label.Root>
      <Slot.Root
        id={controlId}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
      >
        {children}
      </Slot.Root>
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {hasError ? (
        <p id={errorId} className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
