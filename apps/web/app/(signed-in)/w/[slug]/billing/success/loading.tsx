import { useTranslations } from 'next-intl';

/** Shown while the success page asks Stripe for the new subscription (syncCustomer). */
export default function ConfirmingPayment() {
  const t = useTranslations('billing.confirming');
  return (
    <div className="mx-auto grid w-full max-w-xl gap-4 py-10 text-center" role="status" aria-live="polite">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        className="mx-auto size-8 text-primary motion-safe:animate-spin"
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="text-sm text-muted-foreground">{t('body')}</p>
    </div>
  );
}
