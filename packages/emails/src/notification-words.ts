import type { MailI18n } from './i18n';

// A notification's words in the recipient's language. Core stores a notification as its type and
// data and words it in English (its catalog); the mail carries the type and the data's text parts
// too, and these functions word them from the mail catalogs (`notificationWords`). A type they do
// not know, or parts they cannot read, answer undefined: the mail then keeps core's English.

type Params = Record<string, string> | undefined;

/** One line about a notification (a digest's list), or undefined when the catalog cannot word it. */
export function notificationTitle(m: MailI18n, type: string | undefined, params: Params): string | undefined {
  const part = (key: string) => (params?.[key] ? params[key] : undefined);
  const workspace = part('workspaceName');
  const role = part('role');
  switch (type) {
    case 'workspace.invitation_received':
      if (!workspace || !role) return undefined;
      return m.t('notificationWords.invitationReceived', {
        inviter: part('inviterName') ?? m.t('notificationWords.someone'),
        workspace,
        role,
      });
    case 'workspace.role_changed': {
      const previousRole = part('previousRole');
      if (!workspace || !role || !previousRole) return undefined;
      return m.t('notificationWords.roleChanged', { workspace, role, previousRole });
    }
    case 'workspace.removed':
      return workspace && m.t('notificationWords.removed', { workspace });
    case 'billing.trial_ending': {
      const plan = part('planName');
      const ends = part('trialEndsAt');
      if (!workspace || !plan || !ends || Number.isNaN(Date.parse(ends))) return undefined;
      return m.t('notificationWords.trialEnding', { workspace, plan, date: m.date(ends) });
    }
    case 'billing.payment_failed':
      return workspace && m.t('notificationWords.paymentFailed', { workspace });
    case 'billing.payment_action_required':
      return workspace && m.t('notificationWords.paymentActionRequired', { workspace });
    case 'billing.subscription_canceled': {
      const plan = part('planName');
      return workspace && plan && m.t('notificationWords.subscriptionCanceled', { workspace, plan });
    }
    case 'security.new_sign_in': {
      const ip = part('ip');
      return ip && m.t('notificationWords.newSignIn', { ip });
    }
    default:
      return undefined;
  }
}

/** The generic notification mail's heading, paragraph and button, for the types that use it. */
export function notificationMailWords(
  m: MailI18n,
  type: string | undefined,
  params: Params,
): { title: string; body: string; action: string } | undefined {
  const workspace = params?.workspaceName;
  if (!workspace) return undefined;
  switch (type) {
    case 'workspace.role_changed': {
      const { role, previousRole } = params;
      if (!role || !previousRole) return undefined;
      return {
        title: m.t('notificationWords.roleChangedMail.title', { workspace }),
        body: m.t('notificationWords.roleChangedMail.body', { workspace, role, previousRole }),
        action: m.t('notificationWords.roleChangedMail.action', { workspace }),
      };
    }
    case 'workspace.removed':
      return {
        title: m.t('notificationWords.removedMail.title', { workspace }),
        body: m.t('notificationWords.removedMail.body', { workspace }),
        action: m.t('notificationWords.removedMail.action'),
      };
    default:
      return undefined;
  }
}
