// Limits: the per-workspace lock every plan-limit check takes before it counts, and what the seat
// checks count, and the bytes of files the storage limit counts. Below tenancy, projects and billing, so each of them can use it without a cycle.
export { lockWorkspaceLimits } from './lock';
export { countSeatsInUse } from './seats';
export { heldSince, PENDING_UPLOAD_HOLD_MINUTES, storageUsedIn } from './storage';
