import type { Metadata } from 'next';
import { LegalPage } from '../../components/site/legal-page';
import { publicPageMetadata } from '../../lib/site';

export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({
    path: '/terms',
    title: 'Terms of service',
    description: 'The terms that apply when you use this service.',
  });
}

// A template for whoever operates this product: replace "the operator" with your legal entity and
// have the text reviewed before launch.
export default function TermsPage() {
  return (
    <LegalPage title="Terms of service" updated="5 December 2026">
      <section className="grid gap-2">
        <h2>Who we are</h2>
        <p>
          This service is provided by its operator (&ldquo;we&rdquo;). By creating an account you agree to
          these terms on behalf of yourself and, where you create or join a workspace, the organisation it
          belongs to.
        </p>
      </section>
      <section className="grid gap-2">
        <h2>Accounts and workspaces</h2>
        <ul>
          <li>
            You keep your sign-in details to yourself and tell us if you think someone else has used them.
          </li>
          <li>
            A workspace belongs to its owners. Owners and admins decide who is a member and what each member
            may do; what members create belongs to the workspace.
          </li>
          <li>You may delete your account at any time from your account page.</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>Plans and payment</h2>
        <ul>
          <li>Paid plans are billed in advance by our payment processor, Stripe, monthly or yearly.</li>
          <li>
            You can change or cancel a plan at any time from the workspace&rsquo;s billing page; a cancelled
            plan runs until the end of the period already paid for.
          </li>
          <li>
            When a workspace moves to a smaller plan nothing is deleted; what exceeds its limits becomes
            read-only.
          </li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>Acceptable use</h2>
        <p>
          Do not use the service to break the law, to harm others, or to disrupt the service. We may suspend
          an account or workspace that does, and will tell its owners why.
        </p>
      </section>
      <section className="grid gap-2">
        <h2>Changes and contact</h2>
        <p>
          We will announce material changes to these terms before they take effect. Questions go to the
          operator&rsquo;s support address.
        </p>
      </section>
    </LegalPage>
  );
}
