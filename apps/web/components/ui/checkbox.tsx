import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

export type CheckboxProps = Omit<ComponentProps<'input'>, 'type'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
};

/** A native checkbox with its label: the whole label is the click target. */
export function Checkbox({ label, description, error, id, className, ...props }: CheckboxProps) {
  const generatedId = useId();
  const controlId = id ?? `checkbox-${generatedId}`;
  const descriptionId = `${controlId}-description`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={cn('grid gap-1', className)}>
      <div className="flex items-start gap-2.5">
        <input
          id={controlId}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="mt-0.5 size-4 shrink-0 cursor-pointer rounded border-border accent-primary"
          {...props}
        />
        <div className="grid gap-0.5">
          <label htmlFor={controlId} className="cursor-pointer text-sm leading-tight font-medium">
            {label}
          </label>
          {description ? (
            <p id={descriptionId} className="text-xs text-muted-foreground">
              {description}
            </p>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
