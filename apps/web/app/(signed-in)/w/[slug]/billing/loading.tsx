import { useTranslations } from 'next-intl';
import { PageSkeleton } from '../../../../../components/ui/skeleton';

/** Shown at once on navigation while the page's server component fetches. */
export default function Loading() {
  const t = useTranslations('billing.page');
  return <PageSkeleton label={t('loading')} rows={4} />;
}
