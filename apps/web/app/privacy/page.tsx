import type { Metadata } from 'next';
import { LegalPage } from '../../components/site/legal-page';
import { publicPageMetadata } from '../../lib/site';

export function generateMetadata(): Promise<Metadata> {
  return publicPageMetadata({
    path: '/privacy',
    title: 'Privacy',
    description: 'What this service stores about you, why, and for how long.',
  });
}

// A template for whoever operates this product. It lists what the code stores; when you add data
// of your own (analytics, support tools, new processors), add it here too.
export default function PrivacyPage() {
  return (
    <LegalPage title="Privacy" updated="5 December 2026">
      <section className="grid gap-2">
        <h2>What we store</h2>
        <ul>
          <li>
            Your account: name, email address, a password hash (never the password), and two-factor settings.
          </li>
          <li>
            Your sessions: when each started, the IP address and browser it came from, so you can see and end
            them from your account page.
          </li>
          <li>
            A record of privileged actions (who changed a role, invited a member, created an API key), with
            the IP address and browser, kept so workspace owners can see who did what.
          </li>
          <li>What you and your workspace create in the product.</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>Who else sees it</h2>
        <ul>
          <li>Stripe processes payments; we never see or store card numbers.</li>
          <li>Our mail provider delivers the messages we send you (sign-in links, invitations, receipts).</li>
          <li>Endpoints your workspace configures receive the webhook events it subscribes to.</li>
        </ul>
      </section>
      <section className="grid gap-2">
        <h2>Cookies</h2>
        <p>
          We use only the cookies the service needs: your session, and the workspace you used last. No
          advertising or tracking cookies.
        </p>
      </section>
      <section className="grid gap-2">
        <h2>Your choices</h2>
        <p>
          You can correct your details and delete your account from your account page. Ask the
          operator&rsquo;s support address for a copy of your data or anything this page does not answer.
        </p>
      </section>
    </LegalPage>
  );
}
