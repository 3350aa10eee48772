import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeHandler } from './request-listener';

export const WEB_DIR = path.resolve(fileURLToPath(new URL('../../web', import.meta.url)));

/**
 * Next's request handler for our custom server. Imported lazily so `api` and `worker` nodes never
 * load Next at all.
 */
export async function createNextHandler(options: {
  dev: boolean;
  hostname: string;
  port: number;
}): Promise<{ handle: NodeHandler; close(): Promise<void> }> {
  const { default: next } = await import('next');
  const app = next({ dev: options.dev, dir: WEB_DIR, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handle: (req, res) => handle(req, res),
    close: async () => {
      await (app as unknown as { close?: () => Promise<void> }).close?.();
    },
  };
}
