import { and, eq, isNull, sql } from 'drizzle-orm';
import { member, project, user, withTenant, workspace, type Database } from '@plinth/db';
import { systemActor } from '@plinth/core/actor';
import { demoWorkspaces } from './demo-data';

export interface SeedSummary {
  workspaces: number;
  logins: { email: string; workspace: string; role: string }[];
}

/**
 * Creates or refreshes the demo world through the app role (RLS applies, as it does to the app).
 * Idempotent: running it twice leaves the same rows, so it is safe on every `npm run dev`.
 */
export async function seedDemoData(database: Database): Promise<SeedSummary> {
  const { db } = database;
  const actor = systemActor('seed');
  const logins: SeedSummary['logins'] = [];
  for (const demo of demoWorkspaces) {
    const [ws] = await db
      .insert(workspace)
      .values({ slug: demo.slug, name: demo.name, metadata: { plan: demo.plan } })
      .onConflictDoUpdate({
        target: workspace.slug,
        set: { name: demo.name, metadata: { plan: demo.plan }, updatedAt: sql`now()` },
      })
      .returning({ id: workspace.id });
    for (const person of demo.members) {
      const [account] = await db
        .insert(user)
        .values({ email: person.email, name: person.name, emailVerified: true })
        .onConflictDoUpdate({ target: user.email, set: { name: person.name } })
        .returning({ id: user.id });
      await db
        .insert(member)
        .values({ workspaceId: ws!.id, userId: account!.id, role: person.role })
        .onConflictDoUpdate({ target: [member.workspaceId, member.userId], set: { role: person.role } });
      logins.push({ email: person.email, workspace: demo.slug, role: person.role });
    }
    const owner = demo.members.find((person) => person.role === 'owner')!;
    const [ownerRow] = await db.select({ id: user.id }).from(user).where(eq(user.email, owner.email));
    await withTenant(database, ws!.id, actor, async (tx) => {
      for (const item of demo.projects) {
        const existing = await tx
          .select({ id: project.id })
          .from(project)
          .where(
            and(eq(project.workspaceId, ws!.id), eq(project.name, item.name), isNull(project.deletedAt)),
          );
        if (existing.length > 0) continue;
        await tx.insert(project).values({
          workspaceId: ws!.id,
          name: item.name,
          description: item.description,
          createdBy: ownerRow!.id,
        });
      }
    });
  }
  return { workspaces: demoWorkspaces.length, logins };
}
