import http from 'node:http';

// Child process of bench/realtime.ts: holds the SSE streams, so parsing 2 000 streams does not
// share a core's event loop with the publisher that stamps commit times. Told the base URL on
// argv; opens streams on `open` (cookies, in order), answers `opened`; closes them all on `close`
// (answers `closed`); on `report` sends every
// event id with its arrival times as epoch milliseconds (performance.timeOrigin + now(), the same
// clock the parent stamps commits with).

const base = process.argv[2]!;
const received = new Map<string, number[]>();
const requests: http.ClientRequest[] = [];
const epochNow = () => performance.timeOrigin + performance.now();

function openStream(cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}/api/v1/me/events`,
      { agent: false, headers: { cookie } },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`));
        let buffer = '';
        let opened = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const at = epochNow();
          buffer += chunk;
          if (!opened && buffer.includes(': connected')) {
            opened = true;
            resolve();
          }
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (.+)$/m.exec(frame)?.[1];
            if (id) (received.get(id) ?? received.set(id, []).get(id)!).push(at);
          }
        });
      },
    );
    request.on('error', reject);
    requests.push(request);
  });
}

process.on(
  'message',
  (
    message: { type: 'open'; cookies: string[] } | { type: 'report' } | { type: 'close' } | { type: 'stop' },
  ) => {
    if (message.type === 'open') {
      void (async () => {
        for (const cookie of message.cookies) await openStream(cookie);
        process.send?.({ type: 'opened', count: requests.length });
      })().catch((error: Error) => process.send?.({ type: 'error', message: error.message }));
    } else if (message.type === 'report') {
      process.send?.({ type: 'report', received: [...received] });
    } else if (message.type === 'close') {
      for (const request of requests.splice(0)) request.destroy();
      process.send?.({ type: 'closed' });
    } else {
      for (const request of requests) request.destroy();
      process.exit(0);
    }
  },
);
process.send?.({ type: 'ready' });
