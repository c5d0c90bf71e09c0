/** A fetch stub for adapter tests: answers from a list of routes and records every request. */
export interface StubRoute {
  method?: string;
  /** Matched against the request URL (substring or RegExp). */
  url: string | RegExp;
  status?: number;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /** Throw this instead of answering (a network failure). */
  error?: Error;
}

export interface StubbedFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  calls: { method: string; url: string; body: string | undefined; headers: Record<string, string> }[];
}

export function stubFetch(routes: StubRoute[]): StubbedFetch {
  const calls: StubbedFetch['calls'] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init.method ?? 'GET';
    calls.push({
      method,
      url,
      body: typeof init.body === 'string' ? init.body : init.body instanceof URLSearchParams ? init.body.toString() : undefined,
      headers: { ...(init.headers as Record<string, string>) },
    });
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const route = routes.find(
      (r) => (r.method ?? 'GET') === method && (typeof r.url === 'string' ? url.includes(r.url) : r.url.test(url)),
    );
    if (!route) return new Response(JSON.stringify({ error: { code: 'not_found', message: `no route for ${method} ${url}` } }), { status: 404 });
    if (route.error) throw route.error;
    const body = route.body ?? JSON.stringify(route.json);
    return new Response(body, {
      status: route.status ?? 200,
      headers: { 'Content-Type': route.body !== undefined ? 'text/html' : 'application/json', ...route.headers },
    });
  }) as StubbedFetch;
  fetch.calls = calls;
  return fetch;
}
