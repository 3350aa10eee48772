import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '../../../../lib/session';
import { UsersTable } from './users-table';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('metaSuffix', { page: t('users.metaTitle') }), robots: { index: false, follow: false } };
}

export default async function AdminUsersPage() {
  const { user } = await requireStaff('/admin/users');
  const t = await getTranslations('admin');
  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6">
      <div>
        <p className="text-sm font-medium text-primary">{t('eyebrow')}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('users.title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('users.intro')}</p>
      </div>
      <ClientMessages namespaces={['admin']}>
        <UsersTable currentUserId={user.id} />
      </ClientMessages>
    </div>
  );
}
