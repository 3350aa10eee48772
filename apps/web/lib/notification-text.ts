import type { useTranslations } from 'next-intl';

// The words of a notification in the reader's language. A notification is stored as its type and
// data (core's notifications catalog); core words its title in English when it is read, and the
// inbox (the /notifications page, the bell) words it again here from the web catalog
// (`notifications.titles.<type>`), so a German reader sees German whatever language the sender
// had. A type this catalog does not know, or data it cannot read, keeps core's English title.

/** `useTranslations('notifications')`, or the same from `getTranslations` on the server. */
type Translator = ReturnType<typeof useTranslations<'notifications'>>;

/** What the inbox has of one notification. */
export interface NotificationText {
  type: string;
  data: Record<string, unknown>;
  /** Core's English title: the fallback. */
  title: string;
}

const categories = ['security', 'billing', 'workspace', 'product'] as const;

/** A category the catalogs word (notifications.categories.<category>). */
export function isCatalogedCategory(category: string): category is (typeof categories)[number] {
  return (categories as readonly string[]).includes(category);
}

/** The notification's title in the reader's language (core's English title when it cannot). */
export function notificationTitle(item: NotificationText, t: Translator): string {
  const text = (key: string): string | undefined => {
    const value = item.data[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const workspace = text('workspaceName');
  switch (item.type) {
    case 'workspace.invitation_received': {
      const role = text('role');
      if (!workspace || !role) break;
      const inviter = text('inviterName') ?? t('someone');
      return t('titles.workspace.invitation_received', { inviter, workspace, role });
    }
    case 'workspace.role_changed': {
      const role = text('role');
      const previousRole = text('previousRole');
      if (!workspace || !role || !previousRole) break;
      return t('titles.workspace.role_changed', { workspace, role, previousRole });
    }
    case 'workspace.removed':
      if (!workspace) break;
      return t('titles.workspace.removed', { workspace });
    case 'billing.trial_ending': {
      const plan = text('planName');
      const trialEndsAt = new Date(text('trialEndsAt') ?? Number.NaN);
      if (!workspace || !plan || Number.isNaN(trialEndsAt.getTime())) break;
      return t('titles.billing.trial_ending', { workspace, plan, trialEndsAt });
    }
    case 'billing.payment_failed':
      if (!workspace) break;
      return t('titles.billing.payment_failed', { workspace });
    case 'billing.payment_action_required':
      if (!workspace) break;
      return t('titles.billing.payment_action_required', { workspace });
    case 'billing.subscription_canceled': {
      const plan = text('planName');
      if (!workspace || !plan) break;
      return t('titles.billing.subscription_canceled', { workspace, plan });
    }
    case 'security.new_sign_in': {
      const ip = text('ip');
      if (!ip) break;
      return t('titles.security.new_sign_in', { ip });
    }
  }
  return item.title;
}
