// System: what staff see of the running platform (/admin/system) — job queues and failed jobs with
// an audited replay, the Stripe webhook inbox, outbox lag — and each node's heartbeat (role,
// version, uptime). Reads across every workspace: callers pass the staff guard first (requireStaffActor, @plinth/core/staff).
export { readSystemOverview, type QueueState, type SystemDeps, type SystemOverview } from './overview';
export {
  listFailedJobs,
  replayFailedJob,
  listFailedJobsInput,
  replayJobInput,
  type FailedJob,
  type ListFailedJobsInput,
  type ReplayDeps,
  type ReplayJobInput,
} from './failed-jobs';
export {
  HEARTBEAT_INTERVAL_MS,
  listNodes,
  NODE_SEEN_WITHIN_SECONDS,
  startHeartbeat,
  type Heartbeat,
  type NodeIdentity,
  type NodeSeen,
} from './heartbeat';
