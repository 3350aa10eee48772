// Events: the catalog of domain events customers can subscribe to (payload schemas in the public
// API's shapes), and emitEvent(), which records one in the caller's transaction through the outbox.
export {
  eventCatalog,
  eventEnvelopeSchema,
  eventTypes,
  isEventType,
  type EventData,
  type EventType,
} from './catalog';
export { emitEvent, EVENTS_TOPIC, type EmittedEvent } from './emit-event';
