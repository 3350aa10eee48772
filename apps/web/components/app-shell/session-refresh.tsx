'use client';

import { useEffect } from 'react';

/**
 * Rendered by the signed-in layout only when the session is due to slide (its expiry was set more
 * than better-auth's updateAge ago). Server components read the session in process and cannot set
 * cookies, so the browser asks better-auth's get-session once: it slides the expiry in the database
 * and re-sets the cookie with its new lifetime, by its own rules (docs/decisions/0037). Nothing is
 * shown; a failure only means the next page tries again.
 */
export function SessionRefresh() {
  useEffect(() => {
    void fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' }).catch(() => {});
  }, []);
  return null;
}
