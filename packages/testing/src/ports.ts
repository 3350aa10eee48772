import { createServer } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listens on at this moment (the kernel's pick): for a server a
 * test is about to start, or for a connection that must be refused.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
