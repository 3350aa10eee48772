// The colour theme, on the web side: client-safe (no server imports). The person's choice lives on
// their user row (@plinth/core/identity getTheme/setTheme); this cookie is its copy on the device,
// read before the first paint by the script below so public pages (static) follow it too.
// docs/decisions/0034-theme-and-the-accessibility-gate.md

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const THEME_COOKIE = 'plinth-theme';

export const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export const themeCookieOptions = {
  path: '/',
  maxAge: ONE_YEAR_SECONDS,
  sameSite: 'lax' as const,
  // Read by the inline script, so not HttpOnly; it holds nothing but 'light', 'dark' or 'system'.
  httpOnly: false,
};

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/**
 * Runs in <head> before the body is parsed: a pinned theme from the cookie becomes the class of
 * <html>. No cookie (or 'system') leaves it to prefers-color-scheme in globals.css.
 */
export const themeBootScript = `(function(){try{var m=/(?:^|; )${THEME_COOKIE}=(light|dark)(?:;|$)/.exec(document.cookie);var c=document.documentElement.classList;c.remove('light','dark');if(m)c.add(m[1]);}catch(e){}})();`;
