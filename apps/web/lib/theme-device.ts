// Browser-only halves of lib/theme.ts: they touch document, so client components import them.
import { ONE_YEAR_SECONDS, THEME_COOKIE, type ThemeChoice } from './theme';

/** Makes this device follow `theme` at once: the class of <html> and the cookie the boot script reads. */
export function applyThemeOnDevice(theme: ThemeChoice): void {
  const root = document.documentElement.classList;
  root.remove('light', 'dark');
  if (theme !== 'system') root.add(theme);
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax${secure}`;
}

/** Signed out: the device goes back to the system theme, as for any visitor. */
export function forgetThemeOnDevice(): void {
  document.documentElement.classList.remove('light', 'dark');
  document.cookie = `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`;
}
