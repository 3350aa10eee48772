import type { Metadata } from 'next';
import { requireSession } from '../../../lib/session';
import { EmptyState } from '../../../components/ui/empty-state';
import { CreateProjectDialog } from './create-project-dialog';

export const metadata: Metadata = {
  title: 'Overview',
};

export default async function DashboardPage() {
  await requireSession('/app');
  return (
    <div className="mx-auto w-full max-w-4xl">
      <div className="mb-8">
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-muted-foreground">Projects in this workspace will appear here.</p>
      </div>
      <EmptyState
        title="No projects yet"
        description="Projects group the work your team does in this workspace. Create the first one to get started."
        icon={
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7Z" />
            <path d="M12 10.5v5M9.5 13h5" />
          </svg>
        }
        action={<CreateProjectDialog />}
      />
    </div>
  );
}
