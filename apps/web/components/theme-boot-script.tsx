'use client';

/**
 * The theme boot script, in the server's HTML only: the browser runs it there, before the first
 * paint. A client render (a not-found or error boundary drawing the root layout again) renders
 * nothing: React never runs a script it renders on the client, and says so in the console.
 */
export function ThemeBootScript({ script }: { script: string }) {
  if (typeof window !== 'undefined') return null;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
