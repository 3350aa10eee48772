import { redirect } from 'next/navigation';
import { requireStaff } from '../../../lib/session';

/** /admin has one page so far. */
export default async function AdminPage() {
  await requireStaff('/admin');
  redirect('/admin/users');
}
