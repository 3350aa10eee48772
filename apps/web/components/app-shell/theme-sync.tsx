'use client';

import { useEffect } from 'react';
import { THEME_COOKIE, type ThemeChoice } from '../../lib/theme';
import { applyThemeOnDevice } from '../../lib/theme-device';

/**
 * The signed-in shell is already drawn in the person's saved theme (its class comes from the server).
 * This brings the rest of the device along: <html> (dialogs and menus render there) and the cookie
 * public pages read before their first paint, when they differ, e.g. on a new device or after the
 * theme was changed through the API.
 */
export function ThemeSync({ theme }: { theme: ThemeChoice }) {
  useEffect(() => {
    const saved = new RegExp(`(?:^|; )${THEME_COOKIE}=([a-z]+)`, 'u').exec(document.cookie)?.[1] ?? null;
    const pinned = document.documentElement.classList;
    const htmlMatches =
      theme === 'system' ? !pinned.contains('light') && !pinned.contains('dark') : pinned.contains(theme);
    if (saved !== theme || !htmlMatches) applyThemeOnDevice(theme);
  }, [theme]);
  return null;
}
