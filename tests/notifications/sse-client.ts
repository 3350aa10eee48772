/** One Server-Sent Event as a browser's EventSource would dispatch it. */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: unknown;
}

/**
 * A minimal EventSource over fetch (Node has none): opens the stream with the given headers
 * (cookie, Last-Event-ID), parses frames as they arrive, and lets a test wait for one.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  comments = 0;
  status = 0;
  private readonly controller = new AbortController();
  private waiters: { match: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }[] = [];
  private done: Promise<void> | undefined;
  /** Set once the server ended the response (not when close() aborted it). */
  endedByServer = false;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Resolves once the response headers arrived (and the first comment, which the server sends at once). */
  async open(): Promise<this> {
    const response = await fetch(this.url, { headers: this.headers, signal: this.controller.signal });
    this.status = response.status;
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return this;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let sawFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (sawFirst = resolve));
    this.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            this.endedByServer = !this.controller.signal.aborted;
            return;
          }
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            this.dispatch(block);
            sawFirst();
          }
        }
      } catch {
        // aborted by close()
      } finally {
        sawFirst();
      }
    })();
    await first;
    return this;
  }

  private dispatch(block: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments++;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const parsed: SseEvent = { id, event, data: JSON.parse(data.join('\n')) };
    this.events.push(parsed);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(parsed)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
      }
    }
  }

  /** The first event (already received or still to come) that matches. */
  next(match: (event: SseEvent) => boolean, timeoutMs = 20_000): Promise<SseEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching event arrived')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }

  /** Resolves when the server ends the stream; rejects if it is still open after `timeoutMs`. */
  async ended(timeoutMs = 20_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.done,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the stream is still open')), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!this.endedByServer) throw new Error('the stream did not end by the server');
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}
