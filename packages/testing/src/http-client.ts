/**
 * A tiny browser stand-in for HTTP tests: keeps cookies like a browser (per client), sends the
 * Origin a browser would, and never follows redirects so tests can assert on them.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async request(
    path: string,
    init: {
      method?: string;
      json?: unknown;
      /** A raw body (a form, a string, a stream), sent with the headers given and no JSON encoding. */
      body?: NonNullable<RequestInit['body']>;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = {
      origin: new URL(this.baseUrl).origin,
      ...this.defaultHeaders,
      ...init.headers,
    };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    let body: RequestInit['body'] = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const response = await fetch(url, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      redirect: 'manual',
      // A streamed body (no Content-Length, chunked) needs half-duplex in Node's fetch.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    return {
      status: response.status,
      headers: response.headers,
      data: data as Record<string, unknown> & unknown,
    };
  }

  post(path: string, json: unknown = {}, headers?: Record<string, string>) {
    return this.request(path, { method: 'POST', json, ...(headers ? { headers } : {}) });
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request(path, { method: 'GET', ...(headers ? { headers } : {}) });
  }
}
