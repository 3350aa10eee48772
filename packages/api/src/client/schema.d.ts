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
     * @description With the token from the mailed link, signed in with the invited (verified) address. A used, revoked or expired token is a 404.
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
  '/workspaces/{slug}/billing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A workspace's plan and billing
     * @description Plan, access state, usage against limits, seats, the period, the next invoice estimate and the last 12 invoices — read from the mirror of Stripe, for owners and admins. Changing the plan happens in Checkout or the billing portal, from the workspace billing page.
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
      actor: {
        /** @enum {string} */
        type: 'user' | 'api_key' | 'system';
        id: string;
      };
      impersonator_id: string | null;
      /** @example project.deleted */
      action: string;
      target: {
        type: string;
        id: string | null;
      } | null;
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
      };
      usage: {
        members: number;
        pending_invitations: number;
        projects: number;
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
