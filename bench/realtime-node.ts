import type { AddressInfo } from 'node:net';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { startPlinth } from '../apps/server/src/start';

// Child process of bench/realtime.ts and bench/files.ts: one API node (PLINTH_ROLE=api) on the bench's database, in a
// process of its own so its CPU and memory are its own. Told the owner URL on argv; answers its
// port over IPC once listening, and stops on `stop`.

const ownerUrl = process.argv[2]!;
const env = loadEnv(process.env);
const plinth = await startPlinth(env, ownerUrl, { logger: createLogger({ level: 'silent' }), dev: false });
process.send?.({ type: 'ready', port: (plinth.server!.address() as AddressInfo).port, pid: process.pid });
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void plinth.stop().then(() => process.exit(0));
});
