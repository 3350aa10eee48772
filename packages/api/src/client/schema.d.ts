// Generated from the /api/v1 OpenAPI document by `npm run api:client` — do not edit.
// tests/api/contract-document.test.ts fails when this file and the document disagree.
export interface paths {
  '/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person */
    get: operations['getMe'];
    put?: never;
    post?: never;
    /**
     * Delete your account
     * @description Anonymises your account (the audit trail keeps the id), removes your memberships and ends the session. Accounts with a password must send it.
     */
    delete: operations['deleteMe'];
    options?: never;
    head?: never;
    /**
     * Change your preferences
     * @description Your colour theme (`system`, `light` or `dark`) and your language (a supported locale, or null to follow the browser), which the web app and your mail use. Send either or both.
     */
    patch: operations['updateMe'];
    trace?: never;
  };
  '/me/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your notifications
     * @description Newest first, cursor-paginated; `unread=true` lists only unread ones. Signed-in people only.
     */
    get: operations['listNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all your notifications read */
    post: operations['markAllNotificationsRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notifications/{notification_id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark a notification read
     * @description Idempotent: one already read keeps its first `read_at`.
     */
    post: operations['markNotificationRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your notification preferences
     * @description Per category and channel, with the workspace overrides you set.
     */
    get: operations['getNotificationPreferences'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change your notification preferences
     * @description All changes apply, or none. Security and billing email cannot be turned off; `digest` is for email only.
     */
    patch: operations['updateNotificationPreferences'];
    trace?: never;
  };
  '/me/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live events (Server-Sent Events)
     * @description A `text/event-stream` for a signed-in person: `notification` (a new notification: `{"id"}`), `invalidate` (`{"workspace_id","topic"}`: projects, members, billing or workspace changed; refetch it) and `resync` (events may have been missed: refetch everything). Events carry ids; reconnect with `Last-Event-ID` to receive what was missed in the last few minutes. Comments keep the connection alive. The stream ends soon after your session does (sign-out), and when you open more than 8 on one node (the oldest ends); a client that stops reading is disconnected.
     */
    get: operations['streamEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/avatar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your avatar
     * @description 404 when you have none (show your initials).
     */
    get: operations['getAvatar'];
    put?: never;
    /**
     * Declare an avatar upload
     * @description Answers a signed POST policy: upload the image straight to object storage (exactly `size` bytes of exactly `content_type`, within 5 minutes), then call `completeAvatar`. Signed-in people only.
     */
    post: operations['createAvatar'];
    /**
     * Remove your avatar
     * @description Its images are deleted; people see your initials again.
     */
    delete: operations['deleteAvatar'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/avatar/{avatar_id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete an avatar upload
     * @description Copies the upload to a key no upload form can write, and checks that the copy has the declared size and type and is that image. 400 naming `size` or `content_type` when not (the avatar is then `rejected` and its objects deleted); 409 when nothing has arrived yet, while another completion of it runs, or when a newer upload replaced it. Your previous avatar is replaced; the resized images follow shortly.
     */
    post: operations['completeAvatar'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/images/{scope}/{owner_id}/{image_id}/{size}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A resized avatar or logo
     * @description A 302 to a short-lived signed GET of a resized avatar or workspace logo (decision 0030). These are the URLs on `user.image` and the workspace logo when no `S3_PUBLIC_BASE_URL` serves them; they are public, like the CDN they stand in for. No other object is reachable here.
     */
    get: operations['getPublicImage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your workspaces
     * @description Every live workspace you belong to, in one page, by name.
     */
    get: operations['listWorkspaces'];
    put?: never;
    /**
     * Create a workspace
     * @description You become its owner. A taken slug is a 409 naming `slug`.
     */
    post: operations['createWorkspace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workspace */
    get: operations['getWorkspace'];
    put?: never;
    post?: never;
    /**
     * Delete a workspace
     * @description Soft delete: gone for every member at once, restorable by an owner for 30 days.
     */
    delete: operations['deleteWorkspace'];
    options?: never;
    head?: never;
    /** Rename a workspace */
    patch: operations['updateWorkspace'];
    trace?: never;
  };
  '/workspaces/{slug}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted workspace
     * @description For an owner, within 30 days of the deletion.
     */
    post: operations['restoreWorkspace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/leave': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Leave a workspace
     * @description The last owner cannot leave (409): transfer ownership or delete the workspace first.
     */
    post: operations['leaveWorkspace'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Transfer ownership
     * @description The member becomes an owner and you become an admin.
     */
    post: operations['transferOwnership'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Members of a workspace
     * @description Every member, by name, in one page (the plan bounds the count).
     */
    get: operations['listMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/members/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a member
     * @description Not yourself (leave instead), nobody above you, never the last owner.
     */
    delete: operations['removeMember'];
    options?: never;
    head?: never;
    /**
     * Change a member's role
     * @description Nobody grants or changes a role above their own; the last owner cannot be demoted (409).
     */
    patch: operations['updateMember'];
    trace?: never;
  };
  '/workspaces/{slug}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pending invitations
     * @description Every pending invitation, newest first, in one page (the plan bounds the count).
     */
    get: operations['listInvitations'];
    put?: never;
    /**
     * Invite someone
     * @description Mails a link valid for 7 days. Not above your own role; 409 for a member or an address already invited; 402 past the seat limit.
     */
    post: operations['createInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/invitations/{invitation_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an invitation */
    delete: operations['revokeInvitation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/invitations/{invitation_id}/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resend an invitation
     * @description A fresh link and a fresh 7 days; the old link stops working.
     */
    post: operations['resendInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation
     * @description With the token from the mailed link, signed in with the invited (verified) address. A used, revoked or expired token is a 404; a suspended workspace is a 403 `workspace_suspended` (the invitation stays pending).
     */
    post: operations['acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Projects of a workspace
     * @description Newest first, cursor-paginated.
     */
    get: operations['listProjects'];
    put?: never;
    /**
     * Create a project
     * @description 402 when the plan's project limit is reached.
     */
    post: operations['createProject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/projects/{project_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A project */
    get: operations['getProject'];
    put?: never;
    post?: never;
    /** Delete a project */
    delete: operations['deleteProject'];
    options?: never;
    head?: never;
    /**
     * Update a project
     * @description Send only the fields to change; `description: null` clears it.
     */
    patch: operations['updateProject'];
    trace?: never;
  };
  '/workspaces/{slug}/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search a workspace
     * @description Projects (name, description) and members (name, email) of the workspace, best match first: whole words and word prefixes, and typos of a word in a name. Each kind needs its read permission; an API key without `member.read` gets projects only.
     */
    get: operations['searchWorkspace'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Declare an upload
     * @description Writes a `pending` file and answers a signed POST policy: upload the bytes straight to object storage (exactly `size` bytes of exactly `content_type`, within 5 minutes), then call `completeFile`. 402 when the plan's storage limit would be exceeded.
     */
    post: operations['createFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/files/{file_id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Complete an upload
     * @description Copies the upload to a key no upload form can write, and checks that the copy has the declared size and type (and that an image is one); the scan and downloads use the copy. 400 naming `size` or `content_type` when it does not (the file is then `rejected` and its objects deleted); 402 when the declaration is over 20 minutes old and the plan's storage no longer has room for it (also `rejected`); 409 when nothing has arrived yet, or while another completion of it runs.
     */
    post: operations['completeFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/files/{file_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file */
    get: operations['getFile'];
    put?: never;
    post?: never;
    /**
     * Delete a file
     * @description Unreadable at once, no longer counted against the plan, and its bytes deleted.
     */
    delete: operations['deleteFile'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/files/{file_id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file
     * @description A short-lived signed URL answering with the stored type and `Content-Disposition: attachment`. 409 while the file is not `ready`.
     */
    get: operations['downloadFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/logo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove the workspace's logo
     * @description Its files and resized images are deleted and pages show the initials. Upload a new logo with `createFile` (purpose `logo`). Needs `workspace.update`.
     */
    delete: operations['deleteWorkspaceLogo'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/projects/{project_id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A project's attachments
     * @description Newest first, cursor-paginated; rejected and deleted files are not listed.
     */
    get: operations['listProjectFiles'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/audit-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Audit events of a workspace
     * @description Privileged actions, newest first, cursor-paginated; for owners and admins.
     */
    get: operations['listAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/audit-events/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export audit events
     * @description Every event of a range (same filters as the list) as CSV or a JSON array, streamed as a download, newest first. At most 100 000 events: a range with more is a 400 naming `from`, before any byte is sent. The export is itself recorded (`audit.exported`). Cells a spreadsheet would run as a formula start with an apostrophe.
     */
    get: operations['exportAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/billing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A workspace's plan and billing
     * @description Plan, access state, how it is paid for (`standing`), what the caller can do next about each plan (`actions`), usage against limits, seats, the period, the next invoice estimate and the last 12 invoices with their standing — read from the mirror of Stripe, for owners and admins. Changing the plan happens in Checkout or the billing portal, from the workspace billing page.
     */
    get: operations['getBillingSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A workspace's API keys
     * @description Newest first, revoked ones included; never the secrets.
     */
    get: operations['listApiKeys'];
    put?: never;
    /**
     * Create an API key
     * @description Owners and admins (or a key scoped `api_key.manage`). Every scope must be one the caller holds; a scope beyond is a 403 naming `scopes`. The secret is in this response only: with an `Idempotency-Key`, a repeat is not replayed (the secret is never stored) but answered 409 `conflict` naming the key created — list keys to see it.
     */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/api-keys/{key_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description The key stops working on its next request. Revoking a revoked key changes nothing.
     */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workspace's webhook endpoints */
    get: operations['listWebhookEndpoints'];
    put?: never;
    /**
     * Create a webhook endpoint
     * @description Owners and admins (or a key scoped `webhook.manage`). The URL's host is resolved and refused (400 naming `url`) when it is private, loopback, link-local, multicast or a metadata address. 402 past the plan's endpoint cap. The secret is in this response only.
     */
    post: operations['createWebhookEndpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints/{endpoint_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A webhook endpoint */
    get: operations['getWebhookEndpoint'];
    put?: never;
    post?: never;
    /**
     * Delete a webhook endpoint
     * @description Its delivery log goes with it.
     */
    delete: operations['deleteWebhookEndpoint'];
    options?: never;
    head?: never;
    /**
     * Update a webhook endpoint
     * @description Send only the fields to change. `enabled: true` re-enables an endpoint the platform disabled.
     */
    patch: operations['updateWebhookEndpoint'];
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints/{endpoint_id}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate an endpoint's signing secret
     * @description A new secret, shown once. For `overlap_seconds` (default 86400, at most 7 days) deliveries carry signatures by both the old and the new secret.
     */
    post: operations['rotateWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints/{endpoint_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test event
     * @description Queues a `ping` for this endpoint only; follow it in the delivery log.
     */
    post: operations['sendWebhookTestEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An endpoint's delivery log
     * @description Newest first, cursor-paginated: status, attempts, the last answer, the next attempt.
     */
    get: operations['listWebhookDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a delivery now
     * @description Sends it again with the same `webhook-id` (receivers dedupe on it), whatever its status.
     */
    post: operations['retryWebhookDelivery'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/workspaces/{slug}/flags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Feature flags for the caller in a workspace
     * @description The evaluated value of every flag declared visible to clients, for this workspace, its plan and the caller (person, or the creator of the API key). Any member or key of the workspace may read them.
     */
    get: operations['getWorkspaceFlags'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  'project.created': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * project.created
     * @description A project was created. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_project_created'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'project.updated': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * project.updated
     * @description A project was renamed or its description changed. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_project_updated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'project.deleted': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * project.deleted
     * @description A project was deleted. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_project_deleted'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'member.added': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * member.added
     * @description Someone joined the workspace (an accepted invitation). Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_member_added'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'member.role_changed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * member.role_changed
     * @description A member's role changed. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_member_role_changed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'member.removed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * member.removed
     * @description A member was removed from the workspace. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_member_removed'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'invitation.created': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invitation.created
     * @description Someone was invited to the workspace. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_invitation_created'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'invitation.accepted': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * invitation.accepted
     * @description An invitation was accepted; a `member.added` follows for the same person. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_invitation_accepted'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'subscription.updated': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * subscription.updated
     * @description The workspace's plan or subscription state changed. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_subscription_updated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  'workspace.updated': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * workspace.updated
     * @description The workspace was renamed. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_workspace_updated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ping: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * ping
     * @description A test event, sent by "Send test event"; it carries no domain change. Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.
     */
    post: operations['event_ping'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    'Event.project.created': {
      /** @enum {string} */
      type: 'project.created';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        project: {
          id: string;
          name: string;
          description: string | null;
          created_by: string;
          /** Format: date-time */
          created_at: string;
          /** Format: date-time */
          updated_at: string;
        };
      };
    };
    'Event.project.updated': {
      /** @enum {string} */
      type: 'project.updated';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        project: {
          id: string;
          name: string;
          description: string | null;
          created_by: string;
          /** Format: date-time */
          created_at: string;
          /** Format: date-time */
          updated_at: string;
        };
      };
    };
    'Event.project.deleted': {
      /** @enum {string} */
      type: 'project.deleted';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        project: {
          id: string;
          name: string;
        };
      };
    };
    'Event.member.added': {
      /** @enum {string} */
      type: 'member.added';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        user_id: string;
        /** @enum {string} */
        role: 'owner' | 'admin' | 'member' | 'viewer';
      };
    };
    'Event.member.role_changed': {
      /** @enum {string} */
      type: 'member.role_changed';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        user_id: string;
        /** @enum {string} */
        role: 'owner' | 'admin' | 'member' | 'viewer';
        /** @enum {string} */
        previous_role: 'owner' | 'admin' | 'member' | 'viewer';
      };
    };
    'Event.member.removed': {
      /** @enum {string} */
      type: 'member.removed';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        user_id: string;
        /** @enum {string} */
        role: 'owner' | 'admin' | 'member' | 'viewer';
      };
    };
    'Event.invitation.created': {
      /** @enum {string} */
      type: 'invitation.created';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        invitation: {
          id: string;
          email: string;
          /** @enum {string} */
          role: 'owner' | 'admin' | 'member' | 'viewer';
          invited_by: string;
          /** Format: date-time */
          expires_at: string;
          /** Format: date-time */
          created_at: string;
        };
      };
    };
    'Event.invitation.accepted': {
      /** @enum {string} */
      type: 'invitation.accepted';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        invitation_id: string;
        user_id: string;
        /** @enum {string} */
        role: 'owner' | 'admin' | 'member' | 'viewer';
      };
    };
    'Event.subscription.updated': {
      /** @enum {string} */
      type: 'subscription.updated';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        plan: string;
        /** @enum {string} */
        state: 'active' | 'trialing' | 'grace' | 'free';
        seats: number | null;
        cancel_at_period_end: boolean;
        /** Format: date-time */
        current_period_end: string | null;
      };
    };
    'Event.workspace.updated': {
      /** @enum {string} */
      type: 'workspace.updated';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        name: string;
        slug: string;
      };
    };
    'Event.ping': {
      /** @enum {string} */
      type: 'ping';
      /** Format: date-time */
      timestamp: string;
      data: {
        workspace_id: string;
        message: string;
      };
    };
    Me: {
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /** Format: email */
      email: string;
      /**
       * @description Colour theme: 'system' follows the device (prefers-color-scheme).
       * @enum {string}
       */
      theme: 'system' | 'light' | 'dark';
      /**
       * @description Interface and mail language (en, de); null follows the browser's Accept-Language.
       * @enum {string|null}
       */
      locale: 'en' | 'de' | null;
    };
    Error: {
      error: {
        /** @enum {string} */
        code:
          | 'invalid_input'
          | 'unauthenticated'
          | 'payment_required'
          | 'forbidden'
          | 'email_not_verified'
          | 'staff_2fa_required'
          | 'staff_reauth_required'
          | 'impersonation_read_only'
          | 'workspace_suspended'
          | 'not_found'
          | 'method_not_allowed'
          | 'conflict'
          | 'payload_too_large'
          | 'unsupported_media_type'
          | 'idempotency_key_reused'
          | 'rate_limited'
          | 'internal'
          | 'unavailable';
        message: string;
        /** @description Each offending field (dot path) and what is wrong with it. */
        fields?: {
          [key: string]: string;
        };
        request_id: string;
      };
    };
    MeChange: {
      /** @enum {string} */
      theme?: 'system' | 'light' | 'dark';
      /**
       * @description A supported locale, or null to follow the browser's Accept-Language again.
       * @enum {string|null}
       */
      locale?: 'en' | 'de' | null;
    };
    NotificationList: {
      items: components['schemas']['Notification'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
      /** @description All your unread notifications, not only this page. */
      unread_count: number;
    };
    Notification: {
      /** @example ntf_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /** @example workspace.role_changed */
      type: string;
      /** @enum {string} */
      category: 'security' | 'billing' | 'workspace' | 'product';
      /** @example ws_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      workspace_id: string | null;
      /** @description One line, in English. `type` and `data` are there to word it in another language: the web app does so in its reader’s language and keeps this title for a type it does not know. */
      title: string;
      /**
       * @description The page it is about: a path on the app.
       * @example /w/acme
       */
      link: string;
      /** @description What the title was made from (by type). */
      data: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      read_at: string | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
    };
    NotificationsMarkedRead: {
      updated: number;
    };
    NotificationPreferences: {
      categories: {
        /** @enum {string} */
        category: 'security' | 'billing' | 'workspace' | 'product';
        label: string;
        description: string;
        channels: {
          in_app?: {
            /** @enum {string} */
            mode: 'on' | 'off' | 'digest';
            /** @description Cannot be changed (security and billing email). */
            locked: boolean;
          };
          email?: {
            /** @enum {string} */
            mode: 'on' | 'off' | 'digest';
            /** @description Cannot be changed (security and billing email). */
            locked: boolean;
          };
        };
        overrides: {
          /** @example ws_01jbz3k4q8e9v6w2x5y7a0c1d2 */
          workspace_id: string;
          /** @enum {string} */
          channel: 'in_app' | 'email';
          /** @enum {string} */
          mode: 'on' | 'off' | 'digest';
        }[];
      }[];
    };
    NotificationPreferencesChange: {
      changes: {
        /** @enum {string} */
        category: 'security' | 'billing' | 'workspace' | 'product';
        /** @enum {string} */
        channel: 'in_app' | 'email';
        /**
         * @description `digest` (email only): one daily summary. `null`: back to the default.
         * @enum {string|null}
         */
        mode: 'on' | 'off' | 'digest' | null;
        /**
         * @description A workspace you belong to: an override for it only.
         * @example ws_01jbz3k4q8e9v6w2x5y7a0c1d2
         */
        workspace_id?: string | null;
      }[];
    };
    Avatar: {
      /** @example avt_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /**
       * @description `pending` until completed; `ready` once checked (its `urls` appear when the resize job has run); `rejected` when the upload was not what was declared.
       * @enum {string}
       */
      status: 'pending' | 'ready' | 'rejected';
      content_type: string;
      size: number;
      rejected_reason: string | null;
      /** @description The resized images; null until the resize job has run (show initials). */
      urls: {
        /** @description 64 × 64 WebP. */
        small: string;
        /** @description 256 × 256 WebP. */
        large: string;
      } | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      completed_at: string | null;
    };
    AvatarUpload: {
      avatar: components['schemas']['Avatar'];
      upload: {
        /** @enum {string} */
        method: 'POST';
        /** @description POST the form here, straight to object storage. */
        url: string;
        /** @description Send these form fields first, then the image as the last field, named `file`. */
        fields: {
          [key: string]: string;
        };
        /**
         * Format: date-time
         * @example 2026-01-31T12:00:00.000Z
         */
        expires_at: string;
      };
    };
    CreateAvatarInput: {
      /**
       * @description PNG, JPEG or WebP (never SVG).
       * @enum {string}
       */
      content_type: 'image/png' | 'image/jpeg' | 'image/webp';
      /** @description Exact size in bytes (1 to 5242880); the upload must match it. */
      size: number;
    };
    WorkspaceList: {
      items: components['schemas']['Workspace'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    Workspace: {
      /** @example ws_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      name: string;
      slug: string;
      /**
       * @description Your role in this workspace.
       * @enum {string}
       */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
    };
    CreateWorkspaceInput: {
      name: string;
      slug: string;
    };
    UpdateWorkspaceInput: {
      name: string;
    };
    DeletedWorkspace: {
      /** @example ws_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      slug: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      restorable_until: string;
    };
    TransferOwnershipInput: {
      /**
       * @description The member who becomes owner.
       * @example user_01jbz3k4q8e9v6w2x5y7a0c1d2
       */
      user_id: string;
    };
    MemberList: {
      items: components['schemas']['Member'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    Member: {
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      user_id: string;
      name: string;
      /** Format: email */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      joined_at: string;
    };
    UpdateMemberInput: {
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
    };
    InvitationList: {
      items: components['schemas']['Invitation'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    Invitation: {
      /** @example inv_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /** Format: email */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'revoked';
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      expires_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
    };
    CreateInvitationInput: {
      /** Format: email */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
    };
    AcceptedInvitation: {
      workspace_slug: string;
    };
    AcceptInvitationInput: {
      token: string;
    };
    ProjectList: {
      items: components['schemas']['Project'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    Project: {
      /** @example proj_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      name: string;
      description: string | null;
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      created_by: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      updated_at: string;
    };
    CreateProjectInput: {
      name: string;
      description?: string | null;
    };
    UpdateProjectInput: {
      name?: string;
      description?: string | null;
    };
    SearchResults: {
      items: components['schemas']['SearchResult'][];
    };
    SearchResult: {
      /** @enum {string} */
      type: 'project' | 'member';
      /**
       * @description The project's id (`proj_…`) or the member's user id (`user_…`).
       * @example proj_01J9ZQ3R5X8Y2W4V6T0S1R3P5N
       */
      id: string;
      name: string;
      /** @description A project's description, a member's email. */
      detail: string | null;
      /** @description Rank within this response: higher is better. */
      score: number;
    };
    FileUpload: {
      file: components['schemas']['File'];
      upload: {
        /** @enum {string} */
        method: 'POST';
        /** @description POST the form here, straight to object storage. */
        url: string;
        /** @description Send these form fields first, in any order, then the file as the last field, named `file`. */
        fields: {
          [key: string]: string;
        };
        /**
         * Format: date-time
         * @example 2026-01-31T12:00:00.000Z
         */
        expires_at: string;
      };
    };
    File: {
      /** @example file_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /** @enum {string} */
      purpose: 'attachment' | 'logo';
      /**
       * @description `pending` until completed; `pending_scan` while the virus scanner looks at it; `ready` to download; `rejected` (with `rejected_reason`) when the upload was not what was declared or the scanner flagged it.
       * @enum {string}
       */
      status: 'pending' | 'pending_scan' | 'ready' | 'rejected';
      name: string;
      content_type: string;
      size: number;
      /** @example proj_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      project_id: string | null;
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      created_by: string;
      rejected_reason: string | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      completed_at: string | null;
    };
    CreateFileInput: {
      /** @description The file name shown and offered on download (no path). */
      name: string;
      /**
       * @description One of the purpose's accepted media types.
       * @example application/pdf
       */
      content_type: string;
      /** @description Exact size in bytes (1 to 104857600); the upload must match it. */
      size: number;
      /** @enum {string} */
      purpose: 'attachment' | 'logo';
      /**
       * @description Required for an attachment.
       * @example proj_01jbz3k4q8e9v6w2x5y7a0c1d2
       */
      project_id?: string;
    };
    FileDownload: {
      /** @description A signed GET, valid until `expires_at`. */
      url: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      expires_at: string;
    };
    FileList: {
      items: components['schemas']['File'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    AuditEventList: {
      items: components['schemas']['AuditEvent'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    AuditEvent: {
      /** @example evt_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      occurred_at: string;
      /**
       * @description The event as a sentence, with names.
       * @example Ada Lovelace deleted the project “Launch”
       */
      summary: string;
      actor: {
        /** @enum {string} */
        type: 'user' | 'api_key' | 'system';
        id: string;
        /** @description A person's current name (null once they deleted their account) or a key's name. */
        name: string | null;
      };
      impersonator_id: string | null;
      /** @example project.deleted */
      action: string;
      target: {
        type: string;
        id: string | null;
        /** @description A person's current name, or the thing's name when the event was recorded. */
        name: string | null;
      } | null;
      ip: string | null;
      user_agent: string | null;
      request_id: string | null;
      metadata: {
        [key: string]: unknown;
      };
    };
    AuditEventExportRow: {
      /** @example evt_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      occurred_at: string;
      summary: string;
      action: string;
      /** @enum {string} */
      actor_type: 'user' | 'api_key' | 'system';
      actor_id: string;
      actor_name: string | null;
      impersonator_id: string | null;
      target_type: string | null;
      target_id: string | null;
      target_name: string | null;
      ip: string | null;
      user_agent: string | null;
      request_id: string | null;
      metadata: {
        [key: string]: unknown;
      };
    };
    BillingSummary: {
      plan: {
        /** @enum {string} */
        key: 'free' | 'pro' | 'team';
        name: string;
      };
      /**
       * @description `grace` while a payment is past due.
       * @enum {string}
       */
      state: 'active' | 'trialing' | 'grace' | 'free';
      subscription_status: string | null;
      features: string[];
      limits: {
        members: number;
        projects: number;
        /** @description Bytes of files the plan includes. */
        storage_bytes: number;
      };
      usage: {
        members: number;
        pending_invitations: number;
        projects: number;
        /** @description Bytes of files held, uploads in progress included. */
        storage_bytes: number;
      };
      seats: {
        used: number;
        paid: number | null;
      };
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      current_period_end: string | null;
      cancel_at_period_end: boolean;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      trial_end: string | null;
      next_invoice: {
        /** @description In minor units (cents). */
        amount: number;
        currency: string;
        /**
         * Format: date-time
         * @example 2026-01-31T12:00:00.000Z
         */
        date: string | null;
      } | null;
      invoices: components['schemas']['InvoiceSummary'][];
      past_due: {
        invoice_url: string | null;
      } | null;
      /** @description A plan granted by staff until `expires_at`: plan, features and limits are the grant’s until then. */
      plan_override: {
        /** @enum {string} */
        plan: 'free' | 'pro' | 'team';
        name: string;
        /**
         * Format: date-time
         * @example 2026-01-31T12:00:00.000Z
         */
        expires_at: string;
      } | null;
      /**
       * @description How the plan is paid for: `free`; `subscribed` (a live subscription, changed in the billing portal); `granted` (a paid plan without a subscription: nothing to manage, only higher plans can be bought); `lapsed` (a subscription that grants nothing now: resolve it in the portal).
       * @enum {string}
       */
      standing: 'free' | 'subscribed' | 'granted' | 'lapsed';
      /** @description What the caller can do next about each plan of the catalog — the one decision the billing and pricing pages render. */
      actions: {
        free: components['schemas']['PlanAction'];
        pro: components['schemas']['PlanAction'];
        team: components['schemas']['PlanAction'];
      };
    };
    InvoiceSummary: {
      /**
       * @description Stripe's invoice id.
       * @example in_1Q2w3E4r5T6y7U8i
       */
      id: string;
      number: string | null;
      status: string | null;
      currency: string;
      total: number;
      amount_due: number;
      amount_paid: number;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      hosted_invoice_url: string | null;
      invoice_pdf: string | null;
      /**
       * @description `due`: open and its subscription waits for it (pay it); `declined`: the first payment of a declined Checkout (paying it starts the subscription, or Stripe voids it); `abandoned`: open but nobody waits for it any more (not due); `settled`: not open.
       * @enum {string}
       */
      standing: 'due' | 'declined' | 'abandoned' | 'settled';
    };
    /** @description `current`: the plan in effect; `subscribe`: a new subscription through Checkout; `switch`: a change of the live subscription in the billing portal; `manage`: resolve an unpaid or paused subscription in the portal; `none`: nothing the caller can do, and why. */
    PlanAction:
      | {
          /** @enum {string} */
          kind: 'current';
          /** @enum {string} */
          plan: 'free' | 'pro' | 'team';
          /** @description The billing portal can be opened for it. */
          manage: boolean;
        }
      | {
          /** @enum {string} */
          kind: 'subscribe';
          /** @enum {string} */
          plan: 'free' | 'pro' | 'team';
          /** @enum {string} */
          direction: 'upgrade';
        }
      | {
          /** @enum {string} */
          kind: 'switch';
          /** @enum {string} */
          plan: 'free' | 'pro' | 'team';
          /** @enum {string} */
          direction: 'upgrade' | 'downgrade';
        }
      | {
          /** @enum {string} */
          kind: 'manage';
          /** @enum {string} */
          plan: 'free' | 'pro' | 'team';
        }
      | {
          /** @enum {string} */
          kind: 'none';
          /** @enum {string} */
          plan: 'free' | 'pro' | 'team';
          /** @enum {string} */
          reason: 'not-manager' | 'granted' | 'portal-unavailable';
        };
    ApiKeyList: {
      items: components['schemas']['ApiKey'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    ApiKey: {
      /** @example key_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      name: string;
      /** @description The first characters of the secret, to tell keys apart. */
      prefix: string;
      scopes: (
        | 'workspace.read'
        | 'workspace.update'
        | 'workspace.delete'
        | 'member.read'
        | 'member.invite'
        | 'member.update_role'
        | 'member.remove'
        | 'invitation.read'
        | 'invitation.revoke'
        | 'project.read'
        | 'project.create'
        | 'project.update'
        | 'project.delete'
        | 'file.read'
        | 'file.upload'
        | 'file.delete'
        | 'audit.read'
        | 'billing.read'
        | 'billing.manage'
        | 'api_key.read'
        | 'api_key.manage'
        | 'webhook.manage'
      )[];
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      created_by: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      expires_at: string | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      revoked_at: string | null;
      /**
       * Format: date-time
       * @description Written in batches: may lag real use by up to a minute.
       * @example 2026-01-31T12:00:00.000Z
       */
      last_used_at: string | null;
      last_used_ip: string | null;
    };
    CreatedApiKey: components['schemas']['ApiKey'] & {
      /** @description The key itself (`plk_…`). Shown in this response only: store it now. */
      secret: string;
    };
    CreateApiKeyInput: {
      name: string;
      /** @description Permissions from the permission table, each within your own (or this key's own). */
      scopes: (
        | 'workspace.read'
        | 'workspace.update'
        | 'workspace.delete'
        | 'member.read'
        | 'member.invite'
        | 'member.update_role'
        | 'member.remove'
        | 'invitation.read'
        | 'invitation.revoke'
        | 'project.read'
        | 'project.create'
        | 'project.update'
        | 'project.delete'
        | 'file.read'
        | 'file.upload'
        | 'file.delete'
        | 'audit.read'
        | 'billing.read'
        | 'billing.manage'
        | 'api_key.read'
        | 'api_key.manage'
        | 'webhook.manage'
      )[];
      /**
       * Format: date-time
       * @description When the key stops working; none means it lasts until revoked. Required when an API key creates the key, and then no later than its own expiry.
       */
      expires_at?: string | null;
    };
    WebhookEndpointList: {
      items: components['schemas']['WebhookEndpoint'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    WebhookEndpoint: {
      /** @example we_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      url: string;
      description: string | null;
      /** @description The event types sent to this endpoint; null for all (including types added later). */
      event_types:
        | (
            | 'project.created'
            | 'project.updated'
            | 'project.deleted'
            | 'member.added'
            | 'member.role_changed'
            | 'member.removed'
            | 'invitation.created'
            | 'invitation.accepted'
            | 'subscription.updated'
            | 'workspace.updated'
            | 'ping'
          )[]
        | null;
      enabled: boolean;
      /**
       * @description `gone`: it answered 410; `failing`: five days without a success; null otherwise.
       * @enum {string|null}
       */
      disabled_reason: 'gone' | 'failing' | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      failing_since: string | null;
      /**
       * Format: date-time
       * @description Until then, deliveries are signed with the previous secret too.
       * @example 2026-01-31T12:00:00.000Z
       */
      previous_secret_expires_at: string | null;
      /** @example user_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      created_by: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      updated_at: string;
    };
    WebhookEndpointWithSecret: components['schemas']['WebhookEndpoint'] & {
      /** @description The signing secret (`whsec_…`). Shown in this response only. */
      secret: string;
    };
    CreateWebhookEndpointInput: {
      /** @description https:// (http:// outside production) on a public address. */
      url: string;
      description?: string | null;
      event_types?:
        | (
            | 'project.created'
            | 'project.updated'
            | 'project.deleted'
            | 'member.added'
            | 'member.role_changed'
            | 'member.removed'
            | 'invitation.created'
            | 'invitation.accepted'
            | 'subscription.updated'
            | 'workspace.updated'
            | 'ping'
          )[]
        | null;
      enabled?: boolean;
    };
    UpdateWebhookEndpointInput: {
      url?: string;
      description?: string | null;
      event_types?:
        | (
            | 'project.created'
            | 'project.updated'
            | 'project.deleted'
            | 'member.added'
            | 'member.role_changed'
            | 'member.removed'
            | 'invitation.created'
            | 'invitation.accepted'
            | 'subscription.updated'
            | 'workspace.updated'
            | 'ping'
          )[]
        | null;
      enabled?: boolean;
    };
    RotateWebhookSecretInput: {
      /** @default 86400 */
      overlap_seconds: number;
    };
    WebhookTestEventQueued: {
      /** @example whd_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      delivery_id: string;
    };
    WebhookDeliveryList: {
      items: components['schemas']['WebhookDelivery'][];
      /** @description Pass as `cursor` for the next page. */
      next_cursor: string | null;
      has_more: boolean;
    };
    WebhookDelivery: {
      /** @example whd_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      id: string;
      /** @example we_01jbz3k4q8e9v6w2x5y7a0c1d2 */
      endpoint_id: string;
      /**
       * @description The `webhook-id` header: the same on every attempt.
       * @example msg_01jbz3k4q8e9v6w2x5y7a0c1d2
       */
      event_id: string;
      event_type: string;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
      attempts: number;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      next_attempt_at: string | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      last_attempt_at: string | null;
      response_status: number | null;
      /** @description The first 4 KB of the last answer. */
      response_body: string | null;
      /** @description Why the last attempt got no HTTP answer. */
      error: string | null;
      duration_ms: number | null;
      request_headers: {
        [key: string]: string;
      } | null;
      request_body: string;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      delivered_at: string | null;
      /**
       * Format: date-time
       * @example 2026-01-31T12:00:00.000Z
       */
      created_at: string;
    };
    WorkspaceFlags: {
      flags: {
        /** @description Beta: start a new project from a template (the example domain’s flagged feature). */
        project_templates: boolean;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description You. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          password?: string;
        };
      };
    };
    responses: {
      /** @description Deleted; the session cookie is cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MeChange'];
      };
    };
    responses: {
      /** @description You, after the change. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
        /** @description Only unread notifications when `true`. */
        unread?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notifications. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  markAllNotificationsRead: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many were unread. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationsMarkedRead'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  markNotificationRead: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        notification_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The notification. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Notification'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your preferences. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferences'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NotificationPreferencesChange'];
      };
    };
    responses: {
      /** @description Your preferences after the change. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPreferences'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  streamEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description The id of the last event received, to resume after it. */
        'Last-Event-ID'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAvatar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your avatar. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Avatar'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createAvatar: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAvatarInput'];
      };
    };
    responses: {
      /** @description Declared; upload now. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AvatarUpload'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteAvatar: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed (also when there was none). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  completeAvatar: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        avatar_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The avatar, `ready`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Avatar'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getPublicImage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        scope: 'avatar' | 'logo';
        owner_id: string;
        image_id: string;
        size: 'small' | 'large';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Fetch the image at `Location` (WebP). */
      302: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWorkspaces: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your workspaces. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspaceList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkspaceInput'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workspace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted, and until when it can be restored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeletedWorkspace'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWorkspaceInput'];
      };
    };
    responses: {
      /** @description The updated workspace. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Workspace'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  restoreWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Restored. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  leaveWorkspace: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description You are no longer a member. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transferOwnership: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferOwnershipInput'];
      };
    };
    responses: {
      /** @description Transferred. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The members. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        user_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMemberInput'];
      };
    };
    responses: {
      /** @description The member with the new role. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The pending invitations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createInvitation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitationInput'];
      };
    };
    responses: {
      /** @description Invited. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Invitation'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The workspace plan does not include this. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  revokeInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        invitation_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked; the link no longer works. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  resendInvitation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
        invitation_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sent again. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcceptInvitationInput'];
      };
    };
    responses: {
      /** @description You are now a member. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceptedInvitation'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listProjects: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of projects. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createProject: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateProjectInput'];
      };
    };
    responses: {
      /** @description Created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The workspace plan does not include this. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        project_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        project_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateProject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        project_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProjectInput'];
      };
    };
    responses: {
      /** @description The updated project. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  searchWorkspace: {
    parameters: {
      query: {
        /** @description What to look for, 1–100 characters. */
        q: string;
        /** @description Results, 1–50. */
        limit?: number;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The best matches. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResults'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFileInput'];
      };
    };
    responses: {
      /** @description Declared; upload now. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileUpload'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The workspace plan does not include this. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  completeFile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
        file_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, `ready` or `pending_scan`. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['File'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The workspace plan does not include this. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        file_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['File'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        file_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  downloadFile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        file_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Where to fetch it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileDownload'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteWorkspaceLogo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed (also when there was none). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listProjectFiles: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        slug: string;
        project_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of files. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listAuditEvents: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
        /** @description Only events by this actor (`user_…` or `key_…`). */
        actor_id?: string;
        /** @description Only events of this action. */
        action?: string;
        /** @description Only events at or after this instant. */
        from?: string;
        /** @description Only events before this instant (exclusive: `to=2026-12-02` ends with December 1). */
        to?: string;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  exportAuditEvents: {
    parameters: {
      query?: {
        /** @description CSV (one header row) or a JSON array. */
        format?: 'csv' | 'json';
        /** @description Only events by this actor (`user_…` or `key_…`). */
        actor_id?: string;
        /** @description Only events of this action. */
        action?: string;
        /** @description Only events at or after this instant. */
        from?: string;
        /** @description Only events before this instant (exclusive: `to=2026-12-02` ends with December 1). */
        to?: string;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The events. */
      200: {
        headers: {
          /** @description How many events the body holds. */
          'X-Audit-Event-Count'?: number;
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
          'application/json': components['schemas']['AuditEventExportRow'][];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getBillingSummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The billing summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingSummary'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of API keys. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. Its response is never stored: the same key with the same request within 24 h, once the first succeeded, is a 409 `conflict` naming what it created (an error is replayed); the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyInput'];
      };
    };
    responses: {
      /** @description Created; the secret is shown once. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        key_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWebhookEndpoints: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every endpoint, newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. Its response is never stored: the same key with the same request within 24 h, once the first succeeded, is a 409 `conflict` naming what it created (an error is replayed); the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookEndpointInput'];
      };
    };
    responses: {
      /** @description Created; the secret is shown once. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointWithSecret'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The workspace plan does not include this. */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoint. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateWebhookEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookEndpointInput'];
      };
    };
    responses: {
      /** @description The updated endpoint. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  rotateWebhookSecret: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. Its response is never stored: the same key with the same request within 24 h, once the first succeeded, is a 409 `conflict` naming what it created (an error is replayed); the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateWebhookSecretInput'];
      };
    };
    responses: {
      /** @description The endpoint and its new secret. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointWithSecret'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Send JSON with Content-Type: application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  sendWebhookTestEvent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookTestEventQueued'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** @description Items per page, 1–100. */
        limit?: number;
        /** @description The `next_cursor` of the previous page. */
        cursor?: string;
      };
      header?: never;
      path: {
        slug: string;
        endpoint_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryList'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  retryWebhookDelivery: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes the request safe to retry. The same key with the same request within 24 h returns the stored response (with `Idempotent-Replayed: true`) instead of running again; the same key with another request is a 422 `idempotency_key_reused`; while the first is still running, a 409 `conflict` with Retry-After. Keys belong to their sender. */
        'Idempotency-Key'?: string;
      };
      path: {
        slug: string;
        endpoint_id: string;
        delivery_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The request body is over 1 MB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description This Idempotency-Key was already used for a different request (`idempotency_key_reused`). */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getWorkspaceFlags: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The flags in effect. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkspaceFlags'];
        };
      };
      /** @description Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No valid session cookie or API key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not allowed for this role (or API key scope), or a cookie request from an untrusted origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not found — also for a workspace you are not a member of, and for a malformed id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Rate limited; see Retry-After. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected error; quote the request_id. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  event_project_created: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.project.created'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_project_updated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.project.updated'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_project_deleted: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.project.deleted'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_member_added: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.member.added'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_member_role_changed: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.member.role_changed'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_member_removed: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.member.removed'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invitation_created: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.invitation.created'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_invitation_accepted: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.invitation.accepted'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_subscription_updated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.subscription.updated'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_workspace_updated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.workspace.updated'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  event_ping: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (`msg_…`): the same on every retry. Dedupe on it. */
        'webhook-id': string;
        /** @description Unix seconds of this attempt; refuse ones far from your clock. */
        'webhook-timestamp': string;
        /** @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library. */
        'webhook-signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Event.ping'];
      };
    };
    responses: {
      /** @description Any 2xx status acknowledges the event. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
