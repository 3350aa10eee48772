import Link from 'next/link';
import { Logo } from '../brand/logo';

/** The footer of the public pages: what the product is, and where its terms live. */
export function PublicFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-4 px-6 py-6 text-sm text-muted-foreground">
        <Logo className="text-sm text-foreground" />
        <nav aria-label="Footer" className="flex flex-wrap gap-x-5 gap-y-2">
          <Link href="/pricing" className="rounded-sm hover:text-foreground">
            Pricing
          </Link>
          <Link href="/terms" className="rounded-sm hover:text-foreground">
            Terms
          </Link>
          <Link href="/privacy" className="rounded-sm hover:text-foreground">
            Privacy
          </Link>
        </nav>
        <p className="w-full sm:w-auto">MIT licensed. Fork it, keep the foundation, build your product.</p>
      </div>
    </footer>
  );
}
