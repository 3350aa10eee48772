// Notifications: the catalog of kinds (category, default channels, title, link, mail), notify() in
// the change's transaction, the inbox, per-person preferences with workspace overrides, the signed
// one-click unsubscribe and the daily digest (docs/architecture.md §6, decision 0026).
export {
  categoryRules,
  describeNotification,
  isNotificationType,
  notificationCatalog,
  notificationCategories,
  notificationChannels,
  notificationModes,
  notificationTypes,
  type NotificationCategory,
  type NotificationChannel,
  type NotificationData,
  type NotificationMode,
  type NotificationType,
} from './catalog';
export { notify, resolveMode, type NotifyDeps, type NotifyInput } from './notify';
export {
  countUnread,
  getNotificationPreferences,
  listNotifications,
  listNotificationsInput,
  notificationCursorOf,
  markAllNotificationsRead,
  markNotificationRead,
  preferenceChange,
  unsubscribeWithToken,
  updateNotificationPreferences,
  updatePreferencesInput,
  withPerson,
  type NotificationView,
  type PreferenceView,
} from './inbox';
export {
  createUnsubscribeToken,
  unsubscribeLinks,
  UNSUBSCRIBE_TOKEN_TTL_DAYS,
  verifyUnsubscribeToken,
} from './unsubscribe-token';
export { notificationDigestQueue, sendNotificationDigests } from './digest';
