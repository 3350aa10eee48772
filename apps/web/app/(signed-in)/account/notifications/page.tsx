import type { Metadata } from 'next';
import { requireSession } from '../../../../lib/session';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Notification preferences' };

export default async function NotificationPreferencesPage() {
  await requireSession('/account/notifications');
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          What reaches you in the app and by email. Security and billing email always goes out.
        </p>
      </div>
      <PreferencesForm />
    </div>
  );
}
