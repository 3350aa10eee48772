// Outbox: domain events written in the same transaction as the change, relayed to jobs after commit.
export { enqueueEvent, type DomainEvent } from './enqueue-event';
export { relayOutbox, startOutboxRelay, type RelayDeps } from './relay-outbox';
export { pruneOutbox } from './prune-outbox';
