import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSession } from '../../../../lib/session';
import { PreferencesForm } from './preferences-form';
import { ClientMessages } from '../../../../i18n/client-messages-provider';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.notifications');
  return { title: t('metaTitle') };
}

export default async function NotificationPreferencesPage() {
  await requireSession('/account/notifications');
  const t = await getTranslations('account.notifications');
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t('description')}</p>
      </div>
      <ClientMessages namespaces={['account.notifications']}>
        <PreferencesForm />
      </ClientMessages>
    </div>
  );
}
