import { z } from 'zod';
import type { MailTemplateData, MailTemplateName } from '../mail/index';
import { singleLineText } from '../text/index';

// The notification catalog: every kind of notification, declared once with its category, the
// channels it uses by default, the data it stores (what the inbox shows; never more than the
// recipient may read), its one-line title, the page it links to, and the mail it becomes.

export const notificationCategories = ['security', 'billing', 'workspace', 'product'] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const notificationChannels = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** 'digest' only for email: one daily summary of the category instead of each mail. */
export const notificationModes = ['on', 'off', 'digest'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/**
 * Per category: a description for the preferences page, and the channels a person may not turn
 * off. Security and billing mail always goes out: it is how a person learns of a sign-in they did
 * not make or a card that failed.
 */
export const categoryRules: Record<
  NotificationCategory,
  { label: string; description: string; lockedChannels: readonly NotificationChannel[] }
> = {
  security: {
    label: 'Security',
    description: 'Sign-ins from a new device and other changes to your account’s security.',
    lockedChannels: ['email'],
  },
  billing: {
    label: 'Billing',
    description: 'Trials ending, failed payments and canceled subscriptions of workspaces you own.',
    lockedChannels: ['email'],
  },
  workspace: {
    label: 'Workspaces',
    description: 'Invitations, role changes and removals.',
    lockedChannels: [],
  },
  product: {
    label: 'Product',
    description: 'Things your product tells you about (exports ready, reports, announcements).',
    lockedChannels: [],
  },
};

const name = singleLineText({ max: 200, strip: true });
const workspaceName = singleLineText({ min: 1, max: 200, strip: true });
const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);
const role = z.enum(['owner', 'admin', 'member', 'viewer']);
const link = z.url({ protocol: /^https?$/ });
const isoTime = z.iso.datetime({ offset: true });

/** A mail before its recipient is known. */
export type UnaddressedMail = {
  [T in MailTemplateName]: { template: T; data: MailTemplateData[T] };
}[MailTemplateName];

interface NotificationKind<S extends z.ZodObject> {
  category: NotificationCategory;
  /** Channels used when the person has no preference; a channel not listed is never used. */
  channels: readonly NotificationChannel[];
  data: S;
  title(data: z.output<S>): string;
  /** The in-app page it is about (a path on the app). */
  path(data: z.output<S>): string;
  /** The mail it becomes; `appUrl` turns paths into links. */
  mail(data: z.output<S>, context: { appUrl: string; recipientName: string }): UnaddressedMail;
}

const kind = <S extends z.ZodObject>(definition: NotificationKind<S>) => definition;

/**
 * A mail in the generic notification template: English words, plus the type and the parts the mail
 * catalogs word it from in the recipient's language (@plinth/emails, `notificationWords`).
 */
const generic = (
  words: { title: string; body: string; url: string; action: string },
  type: string,
  params: Record<string, string>,
): UnaddressedMail => ({
  template: 'notification',
  data: { ...words, type, params },
});

/**
 * The short text parts of a notification's data (names, roles, dates; not long links): what the mail
 * catalogs word its title from. Within the bounds the mail data takes, so a digest always validates.
 */
export function notificationParams(data: unknown): Record<string, string> {
  if (typeof data !== 'object' || data === null) return {};
  return Object.fromEntries(
    Object.entries(data).filter(
      (entry): entry is [string, string] =>
        entry[0].length <= 50 && typeof entry[1] === 'string' && entry[1].length <= 300,
    ),
  );
}

const absolute = (appUrl: string, path: string) => new URL(path, appUrl).toString();

export const notificationCatalog = {
  'workspace.invitation_received': kind({
    category: 'workspace',
    channels: ['in_app', 'email'],
    data: z.strictObject({
      workspaceName,
      inviterName: name,
      role,
      acceptUrl: link,
      expiresAt: isoTime,
    }),
    title: (d) => `${d.inviterName || 'Someone'} invited you to ${d.workspaceName} as ${d.role}`,
    path: (d) => {
      const url = new URL(d.acceptUrl);
      return `${url.pathname}${url.search}`;
    },
    mail: (d) => ({
      template: 'invitation',
      data: {
        workspaceName: d.workspaceName,
        inviterName: d.inviterName,
        role: d.role,
        url: d.acceptUrl,
        expiresAt: d.expiresAt,
      },
    }),
  }),
  'workspace.role_changed': kind({
    category: 'workspace',
    channels: ['in_app', 'email'],
    data: z.strictObject({ workspaceName, workspaceSlug: slug, role, previousRole: role }),
    title: (d) => `Your role in ${d.workspaceName} is now ${d.role} (was ${d.previousRole})`,
    path: (d) => `/w/${d.workspaceSlug}`,
    mail: (d, c) =>
      generic(
        {
          title: `Your role in ${d.workspaceName} changed`,
          body: `Your role in ${d.workspaceName} is now ${d.role}; it was ${d.previousRole}.`,
          url: absolute(c.appUrl, `/w/${d.workspaceSlug}`),
          action: `Open ${d.workspaceName}`,
        },
        'workspace.role_changed',
        { workspaceName: d.workspaceName, role: d.role, previousRole: d.previousRole },
      ),
  }),
  'workspace.removed': kind({
    category: 'workspace',
    channels: ['in_app', 'email'],
    data: z.strictObject({ workspaceName }),
    title: (d) => `You were removed from ${d.workspaceName}`,
    path: () => '/app',
    mail: (d, c) =>
      generic(
        {
          title: `You were removed from ${d.workspaceName}`,
          body: `You are no longer a member of ${d.workspaceName}. If you think this is a mistake, ask one of its owners.`,
          url: absolute(c.appUrl, '/app'),
          action: 'Your workspaces',
        },
        'workspace.removed',
        { workspaceName: d.workspaceName },
      ),
  }),
  'billing.trial_ending': kind({
    category: 'billing',
    channels: ['in_app', 'email'],
    data: z.strictObject({
      workspaceName,
      workspaceSlug: slug,
      planName: workspaceName,
      trialEndsAt: isoTime,
    }),
    title: (d) => `${d.workspaceName}: the ${d.planName} trial ends on ${d.trialEndsAt.slice(0, 10)}`,
    path: (d) => `/w/${d.workspaceSlug}/billing`,
    mail: (d, c) => ({
      template: 'billing-trial-ending',
      data: {
        workspaceName: d.workspaceName,
        planName: d.planName,
        trialEndsAt: d.trialEndsAt,
        billingUrl: absolute(c.appUrl, `/w/${d.workspaceSlug}/billing`),
      },
    }),
  }),
  'billing.payment_failed': kind({
    category: 'billing',
    channels: ['in_app', 'email'],
    data: z.strictObject({
      workspaceName,
      workspaceSlug: slug,
      amountDue: z.number().int().min(0),
      currency: z.string().regex(/^[a-z]{3}$/),
      invoiceUrl: link,
      nextAttemptAt: isoTime.nullable(),
    }),
    title: (d) => `${d.workspaceName}: a payment failed`,
    path: (d) => `/w/${d.workspaceSlug}/billing`,
    mail: (d) => ({
      template: 'billing-payment-failed',
      data: {
        workspaceName: d.workspaceName,
        amountDue: d.amountDue,
        currency: d.currency,
        invoiceUrl: d.invoiceUrl,
        nextAttemptAt: d.nextAttemptAt,
      },
    }),
  }),
  'billing.payment_action_required': kind({
    category: 'billing',
    channels: ['in_app', 'email'],
    data: z.strictObject({
      workspaceName,
      workspaceSlug: slug,
      amountDue: z.number().int().min(0),
      currency: z.string().regex(/^[a-z]{3}$/),
      invoiceUrl: link,
    }),
    title: (d) => `${d.workspaceName}: a payment needs your confirmation`,
    path: (d) => `/w/${d.workspaceSlug}/billing`,
    mail: (d) => ({
      template: 'billing-payment-action-required',
      data: {
        workspaceName: d.workspaceName,
        amountDue: d.amountDue,
        currency: d.currency,
        invoiceUrl: d.invoiceUrl,
      },
    }),
  }),
  'billing.subscription_canceled': kind({
    category: 'billing',
    channels: ['in_app', 'email'],
    data: z.strictObject({ workspaceName, workspaceSlug: slug, planName: workspaceName }),
    title: (d) => `${d.workspaceName}: the ${d.planName} subscription ended`,
    path: (d) => `/w/${d.workspaceSlug}/billing`,
    mail: (d, c) => ({
      template: 'billing-subscription-canceled',
      data: {
        workspaceName: d.workspaceName,
        planName: d.planName,
        billingUrl: absolute(c.appUrl, `/w/${d.workspaceSlug}/billing`),
      },
    }),
  }),
  'security.new_sign_in': kind({
    category: 'security',
    channels: ['in_app', 'email'],
    data: z.strictObject({
      ip: singleLineText({ max: 100, strip: true }),
      userAgent: singleLineText({ max: 1000, strip: true }),
      at: isoTime,
    }),
    title: (d) => `New sign-in to your account from ${d.ip}`,
    path: () => '/account',
    mail: (d, c) => ({
      template: 'new-sign-in',
      data: { name: c.recipientName, ip: d.ip, userAgent: d.userAgent, at: d.at },
    }),
  }),
} as const;

export type NotificationType = keyof typeof notificationCatalog;
export type NotificationData<T extends NotificationType> = z.input<(typeof notificationCatalog)[T]['data']>;
export const notificationTypes = Object.keys(notificationCatalog) as NotificationType[];

export function isNotificationType(value: string): value is NotificationType {
  return Object.hasOwn(notificationCatalog, value);
}

/** The title and link of a stored notification; a type no longer in the catalog shows its name. */
export function describeNotification(type: string, data: unknown): { title: string; path: string } {
  if (!isNotificationType(type)) return { title: type, path: '/notifications' };
  const entry = notificationCatalog[type] as unknown as NotificationKind<z.ZodObject>;
  const parsed = entry.data.safeParse(data);
  if (!parsed.success) return { title: type, path: '/notifications' };
  return { title: entry.title(parsed.data), path: entry.path(parsed.data) };
}
