import type { Database } from '@plinth/db';
import type { SecretBox } from '../secrets/index';
import type { EgressPolicy } from './egress';

/** What the endpoint services need; built once in the wiring (tests inject the resolver). */
export interface WebhookDeps {
  database: Database;
  secrets: SecretBox;
  egress: EgressPolicy;
}
