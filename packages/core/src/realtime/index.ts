// Realtime: "something you look at changed" events, published in the change's transaction with
// Postgres NOTIFY and fanned out on every node to its Server-Sent Events clients (decision 0027).
export {
  publishRealtime,
  REALTIME_CHANNEL,
  realtimeTopics,
  topicOfEvent,
  type RealtimeMessage,
  type RealtimeTopic,
} from './publish';
export {
  createRealtimeHub,
  MAX_STREAMS_PER_USER,
  type RealtimeHub,
  type RealtimeConnection,
  type RealtimeHubDeps,
  type RealtimeStreamOptions,
} from './hub';
