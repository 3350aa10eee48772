/**
 * A queue and its failure policy. Queues are declared in code and created or updated by the
 * migrate command (the owner role), because in pg-boss each queue is a table partition and the
 * app role may not create tables.
 */
export interface QueueDefinition {
  name: string;
  /** Attempts after the first failure. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each further retry when `retryBackoff`. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job running longer than this is failed (and retried). */
  expireInSeconds: number;
  /** Where a job goes once its retries are spent; omit only for the dead-letter queue itself. */
  deadLetter?: string;
}

export const DEAD_LETTER_QUEUE = 'dead-letter';

const queueName = /^[a-z][a-z0-9.-]{1,62}$/;

export function defineQueue(
  definition: Pick<QueueDefinition, 'name'> & Partial<Omit<QueueDefinition, 'name'>>,
): QueueDefinition {
  if (!queueName.test(definition.name)) {
    throw new TypeError(`queue name "${definition.name}" must match ${queueName}`);
  }
  return {
    retryLimit: 5,
    retryDelaySeconds: 10,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    deadLetter: definition.name === DEAD_LETTER_QUEUE ? undefined : DEAD_LETTER_QUEUE,
    ...definition,
  };
}

/** Queues the platform itself uses; product modules append their own in the wiring. */
export const platformQueues: readonly QueueDefinition[] = [
  defineQueue({ name: DEAD_LETTER_QUEUE, retryLimit: 0 }),
  defineQueue({ name: 'maintenance.outbox-prune', retryLimit: 2 }),
];
