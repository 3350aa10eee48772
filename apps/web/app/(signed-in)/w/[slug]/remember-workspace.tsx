'use client';

import { useEffect } from 'react';
import { WORKSPACE_COOKIE, WORKSPACE_COOKIE_MAX_AGE } from '../../../../lib/workspace-cookie';

/** Records the workspace being viewed, so /app and the chrome come back to it after a reload. */
export function RememberWorkspace({ slug }: { slug: string }) {
  useEffect(() => {
    const secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(slug)}; Path=/; Max-Age=${WORKSPACE_COOKIE_MAX_AGE}; SameSite=Lax${secure}`;
  }, [slug]);
  return null;
}
