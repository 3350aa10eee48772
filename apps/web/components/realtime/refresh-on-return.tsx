'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Re-renders the page when the browser shows it from its back/forward cache (the Back button from
 * Stripe's portal or Checkout): that copy was rendered before whatever changed there. Renders nothing.
 */
export function RefreshOnReturn() {
  const router = useRouter();
  useEffect(() => {
    function onShow(event: PageTransitionEvent) {
      if (event.persisted) router.refresh();
    }
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, [router]);
  return null;
}
