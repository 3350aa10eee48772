/**
 * The demo world `npm run dev` and `npm run seed` create, so every page looks lived-in: five
 * workspaces on different plans, twenty people with every role in several of them, a hundred
 * projects, invoices in every Stripe status in the billing mirror, and an audit history. Each
 * workspace's plan is written as its entitlement row directly (no live Stripe subscription behind
 * it); upgrading one through Checkout replaces it with the real thing.
 *
 * Kept as the e2e tests rely on it: Acme (Team, granted, 10 seats) with Olivia, Adam, Mia and
 * Victor and the project "Website relaunch" (no other project name close to it: the palette test
 * searches "webite"); Globex (Pro) with Hank and Mia; Initech (Free) with Peter alone and no
 * projects (e2e/search.test.ts watches its onboarding checklist tick the first one).
 */
export type DemoRole = 'owner' | 'admin' | 'member' | 'viewer';

export interface DemoInvoice {
  /** Stable across runs: `in_demo_…` (the seed inserts each once). */
  id: string;
  number: string;
  /** Stripe's statuses: the billing page reads each (paid, void, uncollectible, draft, open). */
  status: 'paid' | 'open' | 'void' | 'uncollectible' | 'draft';
  /** Integer minor units. */
  total: number;
  /** Days before the seed ran. */
  daysAgo: number;
}

export interface DemoWorkspace {
  slug: string;
  name: string;
  plan: 'free' | 'pro' | 'team';
  /** Paid seats, for the seat-based team plan. */
  seats?: number;
  members: { email: string; name: string; role: DemoRole }[];
  projects: { name: string; description: string }[];
  /**
   * A past subscription, ended, and its invoices, mirrored as billing:sync would have left them. The
   * customer id is not a `customer` row: nothing here can be managed in the portal, and a Checkout
   * from the page makes a real customer as for any workspace.
   */
  history?: { customerId: string; subscriptionId: string; canceledDaysAgo: number; invoices: DemoInvoice[] };
}

/** `count` project names from two word lists, none of them near "Website relaunch". */
function generatedProjects(prefix: string, count: number): { name: string; description: string }[] {
  const areas = [
    'Checkout',
    'Onboarding',
    'Support inbox',
    'Analytics',
    'Payments',
    'Reporting',
    'Security review',
    'Data pipeline',
    'Design tokens',
    'Partner portal',
    'Localization',
    'Accessibility',
    'Pricing experiment',
    'Mobile release',
    'Search tuning',
    'Status page',
  ];
  const phases = ['discovery', 'rollout', 'cleanup', 'pilot', 'v2', 'audit'];
  const descriptions = [
    'Scope, owners and the first milestone.',
    'Tracked weekly in the planning meeting.',
    'Blocked on the vendor contract; see the notes.',
    'Shipped to 10 % of workspaces, watching the numbers.',
    'Wrapping up: only the documentation is left.',
  ];
  return Array.from({ length: count }, (_, index) => {
    const area = areas[index % areas.length]!;
    const phase = phases[Math.floor(index / areas.length) % phases.length]!;
    return {
      name: `${prefix}${area} ${phase}`,
      description: descriptions[index % descriptions.length]!,
    };
  });
}

/** Monthly invoices of a plan, newest first, all paid unless `statuses` says otherwise. */
function monthlyInvoices(
  key: string,
  total: number,
  statuses: DemoInvoice['status'][],
  firstDaysAgo: number,
): DemoInvoice[] {
  return statuses.map((status, index) => ({
    id: `in_demo_${key}_${String(index + 1).padStart(2, '0')}`,
    number: `${key.toUpperCase()}-${String(statuses.length - index).padStart(4, '0')}`,
    status,
    total,
    daysAgo: firstDaysAgo + index * 30,
  }));
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
      { email: 'priya.patel@acme.test', name: 'Priya Patel', role: 'admin' },
      { email: 'jonas.berg@acme.test', name: 'Jonas Berg', role: 'member' },
      { email: 'lena.fischer@acme.test', name: 'Lena Fischer', role: 'member' },
      { email: 'omar.haddad@acme.test', name: 'Omar Haddad', role: 'member' },
      { email: 'grace.kim@acme.test', name: 'Grace Kim', role: 'viewer' },
    ],
    projects: [
      { name: 'Website relaunch', description: 'New marketing site and pricing page.' },
      { name: 'Mobile app', description: 'iOS and Android clients for field teams.' },
      { name: 'Data warehouse', description: 'Nightly exports into the analytics stack.' },
      ...generatedProjects('', 37),
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Corporation',
    plan: 'pro',
    members: [
      { email: 'hank.owner@globex.test', name: 'Hank Scorpio', role: 'owner' },
      { email: 'mia.member@acme.test', name: 'Mia Member', role: 'member' },
      { email: 'marta.nowak@globex.test', name: 'Marta Nowak', role: 'admin' },
      { email: 'frank.okafor@globex.test', name: 'Frank Okafor', role: 'member' },
      { email: 'ines.duarte@globex.test', name: 'Ines Duarte', role: 'viewer' },
    ],
    projects: [
      { name: 'Quarterly planning', description: 'Goals and budgets for Q1.' },
      ...generatedProjects('Globex ', 24),
    ],
  },
  {
    slug: 'initech',
    name: 'Initech',
    plan: 'free',
    members: [{ email: 'peter.owner@initech.test', name: 'Peter Gibbons', role: 'owner' }],
    projects: [],
  },
  {
    slug: 'umbrella',
    name: 'Umbrella Labs',
    plan: 'free',
    members: [
      { email: 'rosa.diaz@umbrella.test', name: 'Rosa Diaz', role: 'owner' },
      { email: 'ken.tanaka@umbrella.test', name: 'Ken Tanaka', role: 'admin' },
      { email: 'sofia.rossi@umbrella.test', name: 'Sofia Rossi', role: 'viewer' },
    ],
    projects: [
      { name: 'Lab inventory', description: 'What is on which shelf, and since when.' },
      { name: 'Grant application', description: 'Due at the end of the quarter.' },
      { name: 'Sample tracking', description: 'Barcodes for every sample that leaves the lab.' },
    ],
    // Was on Pro for half a year and cancelled: paid months, a voided correction, the last month
    // uncollectible, and its open invoice left when the subscription ended ("Not due").
    history: {
      customerId: 'cus_demo_umbrella',
      subscriptionId: 'sub_demo_umbrella',
      canceledDaysAgo: 20,
      invoices: monthlyInvoices(
        'umbrella',
        1900,
        ['open', 'uncollectible', 'void', 'paid', 'paid', 'paid', 'paid'],
        25,
      ),
    },
  },
  {
    slug: 'hooli',
    name: 'Hooli',
    plan: 'team',
    seats: 25,
    members: [
      { email: 'dana.whitfield@hooli.test', name: 'Dana Whitfield', role: 'owner' },
      { email: 'luis.moreno@hooli.test', name: 'Luis Moreno', role: 'admin' },
      { email: 'hana.sato@hooli.test', name: 'Hana Sato', role: 'member' },
      { email: 'priya.patel@acme.test', name: 'Priya Patel', role: 'member' },
      { email: 'frank.okafor@globex.test', name: 'Frank Okafor', role: 'viewer' },
      { email: 'ken.tanaka@umbrella.test', name: 'Ken Tanaka', role: 'member' },
      { email: 'grace.kim@acme.test', name: 'Grace Kim', role: 'admin' },
    ],
    projects: generatedProjects('Hooli ', 32),
    // Paid Pro by card before the Team plan was granted: paid months and a draft never finalised.
    history: {
      customerId: 'cus_demo_hooli',
      subscriptionId: 'sub_demo_hooli',
      canceledDaysAgo: 45,
      invoices: monthlyInvoices('hooli', 1900, ['draft', 'paid', 'paid', 'paid'], 50),
    },
  },
];
