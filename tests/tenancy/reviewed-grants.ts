import type { MemberRole } from '@plinth/db';

// Who may call a route or run an action, as reviewed: the literal role lists the role × route and
// role × action matrices expect. Deliberately not derived from permissionTable
// (packages/core/src/access/permissions.ts): widening or narrowing a grant there fails the matrices
// until the case that names it is changed too, in the same review.
export const everyone: readonly MemberRole[] = ['owner', 'admin', 'member', 'viewer'];
export const editors: readonly MemberRole[] = ['owner', 'admin', 'member'];
export const managers: readonly MemberRole[] = ['owner', 'admin'];
export const ownerOnly: readonly MemberRole[] = ['owner'];
