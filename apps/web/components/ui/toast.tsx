'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslations } from 'next-intl';
import { Toast as ToastPrimitive } from 'radix-ui';
import { cn } from '../../lib/cn';

export type ToastVariant = 'default' | 'success' | 'destructive';

export type ToastOptions = {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before the toast closes itself; defaults to the provider's 5 seconds. */
  duration?: number;
};

type ToastEntry = ToastOptions & { id: number };

type ToastContextValue = {
  toast: (options: ToastOptions) => void;
};

const ToastContext = createContext<ToastContextValue | null>(null);

const variantClasses: Record<ToastVariant, string> = {
  default: 'border-border',
  success: 'border-success/40 [&_[data-toast-accent]]:bg-success',
  destructive: 'border-destructive/40 [&_[data-toast-accent]]:bg-destructive',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const nextId = useRef(0);

  const toast = useCallback((options: ToastOptions) => {
    nextId.current += 1;
    const id = nextId.current;
    setToasts((current) => [...current, { ...options, id }]);
  }, []);

  const remove = useCallback((id: number) => {
    setToasts((current) => current.filter((entry) => entry.id !== id));
  }, []);

  // A toast left by the previous page just before a full page load (see flashToast).
  useEffect(() => {
    const flashed = takeFlashToast();
    if (flashed) toast(flashed);
  }, [toast]);

  const value = useMemo(() => ({ toast }), [toast]);
  const t = useTranslations('common');

  return (
    <ToastContext value={value}>
      <ToastPrimitive.Provider swipeDirection="right" duration={5000}>
        {children}
        {toasts.map(({ id, title, description, variant = 'default', duration }) => (
          <ToastPrimitive.Root
            key={id}
            duration={duration}
            // Errors interrupt screen readers; everything else waits politely.
            type={variant === 'destructive' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) remove(id);
            }}
            className={cn(
              'relative flex w-full items-start gap-3 overflow-hidden rounded-lg border bg-background',
              'py-3 pr-10 pl-4 text-foreground shadow-lg motion-safe:animate-toast-in',
              'data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-[translate]',
              'data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x)',
              variantClasses[variant],
            )}
          >
            <span
              data-toast-accent=""
              aria-hidden="true"
              className="absolute inset-y-0 left-0 w-1 bg-transparent"
            />
            <div className="grid gap-1">
              <ToastPrimitive.Title className="text-sm font-semibold">{title}</ToastPrimitive.Title>
              {description ? (
                <ToastPrimitive.Description className="text-sm text-muted-foreground">
                  {description}
                </ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label={t('dismissNotification')}
              className="absolute top-2.5 right-2.5 inline-flex size-6 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-muted hover:text-foreground"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                className="size-3.5"
              >
                <path d="M18 6 6 18M6 6l12 12" />
              </svg>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[100] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
      </ToastPrimitive.Provider>
    </ToastContext>
  );
}

/** Shows a notification. Must be called inside <ToastProvider> (the root layout provides one). */
export function useToast(): ToastContextValue {
  const context = useContext(ToastContext);
  if (!context) {
    throw new Error('useToast must be used inside <ToastProvider>.');
  }
  return context;
}

const FLASH_KEY = 'plinth.flash-toast';

/**
 * Shows a toast on the next page instead of this one, for changes followed by a full page load
 * (leaving or deleting a workspace reloads the whole app chrome). Kept for this tab only.
 */
export function flashToast(options: ToastOptions): void {
  try {
    window.sessionStorage.setItem(FLASH_KEY, JSON.stringify(options));
  } catch {
    // Storage unavailable (private mode quotas): the toast is a courtesy, the change is done.
  }
}

function takeFlashToast(): ToastOptions | null {
  try {
    const stored = window.sessionStorage.getItem(FLASH_KEY);
    if (!stored) return null;
    window.sessionStorage.removeItem(FLASH_KEY);
    const parsed = JSON.parse(stored) as Partial<ToastOptions>;
    return typeof parsed.title === 'string' ? (parsed as ToastOptions) : null;
  } catch {
    return null;
  }
}
