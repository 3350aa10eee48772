import { PageSkeleton } from '../../../../../../components/ui/skeleton';

/** Shown at once on navigation while the page's server component fetches. */
export default function Loading() {
  return <PageSkeleton label="Loading API keys" rows={4} />;
}
