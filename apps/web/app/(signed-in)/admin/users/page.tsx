import type { Metadata } from 'next';
import { requireStaff } from '../../../../lib/session';
import { UsersTable } from './users-table';

export const metadata: Metadata = {
  title: 'Users · Admin',
  robots: { index: false, follow: false },
};

export default async function AdminUsersPage() {
  const { user } = await requireStaff('/admin/users');
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Everyone with an account. Bans and impersonation are recorded in the audit log under your name.
        </p>
      </div>
      <UsersTable currentUserId={user.id} />
    </div>
  );
}
