import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type pg from 'pg';
import { serverContext } from '@plinth/core/server-context';
import { ProjectList } from '../../../(signed-in)/w/[slug]/projects/project-list';
import type { ProjectItem } from '../../../(signed-in)/w/[slug]/projects/project-item';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

// `npm run bench:pages`' baseline (bench/pages.ts): the same list as /w/{slug}/projects, drawn by
// the same ProjectList, with ONE message to Postgres (begin, the workspace's setting for row-level
// security, the select, commit) and no sign-in, no membership, no shell. It exists only when the
// bench starts the node with BENCH_PAGES_BASELINE (refused in production unless HOST is a loopback
// address); otherwise it is a 404 like any unknown path. Never link to it.

export const metadata: Metadata = {
  title: 'Projects (bench baseline)',
  robots: { index: false, follow: false },
};

export const dynamic = 'force-dynamic';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/u;

interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export default async function BenchBaselinePage({ params }: { params: Promise<{ slug: string }> }) {
  const { env, database } = serverContext();
  if (!env.benchPagesBaseline) notFound();
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const client = await database.pool.connect();
  let rows: ProjectRow[];
  let unusable: Error | undefined;
  try {
    const text =
      `begin; select set_config('app.workspace_id', coalesce((select id::text from workspace where slug = ` +
      `${client.escapeLiteral(slug)} and deleted_at is null), ''), true); ` +
      'select id, name, description, created_by, created_at, updated_at from project ' +
      "where workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid and deleted_at is null " +
      'order by id desc limit 21; commit';
    try {
      const results = (await client.query(text)) as unknown as pg.QueryResult<ProjectRow>[];
      rows = results[2]?.rows ?? [];
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (unusable = rollbackError));
      throw error;
    }
  } finally {
    client.release(unusable);
  }
  const items: ProjectItem[] = rows.slice(0, 20).map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
  return (
    <main id="main" className="mx-auto grid w-full max-w-4xl gap-8 px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Projects</h1>
      <ClientMessages namespaces={['projects.list']}>
        <ProjectList
          key={items.map((item) => `${item.id}:${item.updatedAt.getTime()}`).join(',')}
          slug={slug}
          initialItems={items}
          initialCursor={rows.length > 20 ? (items[items.length - 1]?.id ?? null) : null}
          emptyAction={null}
        />
      </ClientMessages>
    </main>
  );
}
