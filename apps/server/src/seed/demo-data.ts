/**
 * The demo world `npm run dev` and `npm run seed` create: three workspaces on different plans, a
 * person in every role, and projects to look at. Each workspace's plan is written as its
 * entitlement row directly (no Stripe subscription behind it); upgrading one through Checkout
 * replaces it with the real thing.
 */
export interface DemoWorkspace {
  slug: string;
  name: string;
  plan: 'free' | 'pro' | 'team';
  /** Paid seats, for the seat-based team plan. */
  seats?: number;
  members: { email: string; name: string; role: 'owner' | 'admin' | 'member' | 'viewer' }[];
  projects: { name: string; description: string }[];
}

export const demoWorkspaces: DemoWorkspace[] = [
  {
    slug: 'acme',
    name: 'Acme Inc.',
    plan: 'team',
    seats: 10,
    members: [
      { email: 'olivia.owner@acme.test', name: 'Olivia Owner', role: 'owner' },
      { email: 'adam.admin@acme.test', name: 'Adam Admin', role: 'admin' },
      { email: 'mia.member@acme.test', name: 'Mia Member', role: 'member' },
      { email: 'victor.viewer@acme.test', name: 'Victor Viewer', role: 'viewer' },
    ],
    projects: [
      { name: 'Website relaunch', description: 'New marketing site and pricing page.' },
      { name: 'Mobile app', description: 'iOS and Android clients for field teams.' },
      { name: 'Data warehouse', description: 'Nightly exports into the analytics stack.' },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Corporation',
    plan: 'pro',
    members: [
      { email: 'hank.owner@globex.test', name: 'Hank Scorpio', role: 'owner' },
      { email: 'mia.member@acme.test', name: 'Mia Member', role: 'member' },
    ],
    projects: [{ name: 'Quarterly planning', description: 'Goals and budgets for Q1.' }],
  },
  {
    slug: 'initech',
    name: 'Initech',
    plan: 'free',
    members: [{ email: 'peter.owner@initech.test', name: 'Peter Gibbons', role: 'owner' }],
    projects: [],
  },
];
