/**
 * The one way adapters talk HTTP: time limits, retries for reads (never for writes), cancellation, and
 * every failure turned into a CommentThreadError that names the URL. Adapters add only their backend's
 * shapes and error vocabulary.
 */
import * as z from 'zod/mini';
import { checkedPages, CommentSchema, PageSchema, uncheckedArray, type Comment, type Page } from '../model/schemas.js';
import type { CommentAdapter } from './types.js';
import { CommentThreadError, isAbort } from '../model/errors.js';
import { clock } from '../clock.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** A JSON value (sent as application/json), or a body fetch takes as is (form data, URLSearchParams). */
  json?: unknown;
  body?: BodyInit;
  signal?: AbortSignal;
  credentials?: RequestCredentials;
  /** Milliseconds before the attempt is abandoned with `timeout`. */
  timeout?: number;
  /** Milliseconds the whole request may take, retries and the waits between them included. */
  deadline?: number;
  /** Extra attempts after a network error, 5xx or 429. Only ever used for GET and HEAD. */
  retries?: number;
  /** The `fetch` to use (tests stub it). */
  fetch?: typeof fetch;
  redirect?: RequestRedirect;
}

export interface HttpDefaults {
  timeout: number;
  retries: number;
  /** First backoff delay in ms; doubles on each retry, with jitter. */
  backoff: number;
  /** Longest `Retry-After` honoured automatically, in seconds; longer ones fail at once. */
  maxRetryAfter: number;
  /**
   * Milliseconds a whole request may take, every attempt and wait included: each attempt's time limit is
   * cut to what is left, and no backoff or `Retry-After` wait runs past it. Without it, a server that
   * never answers kept a reader looking at a spinner for three full time limits (47 s).
   */
  deadline: number;
}

/** Shared defaults; tests may lower them. */
export const httpDefaults: HttpDefaults = {
  timeout: 15e3,
  retries: 2,
  backoff: 400,
  maxRetryAfter: 10,
  deadline: 20e3,
};

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Statuses whose answers have no body (a Response with one cannot be built). */
const NULL_BODY = new Set([204, 205, 304]);

const cancelled = () => new CommentThreadError('aborted', 'The request was cancelled.');

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const id = clock.setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clock.clearTimeout(id);
      reject(cancelled());
    }
    signal?.addEventListener('abort', abort, { once: true });
  });

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date). */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Fetches a URL and returns the response, whatever its status; throws on no response. */
export async function request(url: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const idempotent = method === 'GET';
  const retries = idempotent ? (options.retries ?? httpDefaults.retries) : 0;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = 'application/json';
  }

  const started = clock.now();
  const deadline = options.deadline ?? httpDefaults.deadline;
  const elapsed = () => clock.now() - started;
  const left = () => deadline - elapsed();
  for (let attempt = 0; ; attempt++) {
    const timeout = Math.max(0, Math.min(options.timeout ?? httpDefaults.timeout, left()));
    const controller = new AbortController();
    const outer = options.signal;
    const forward = () => controller.abort(outer!.reason);
    if (outer?.aborted) throw new CommentThreadError('aborted', 'The request was cancelled.', { url });
    outer?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    let failure: CommentThreadError;
    let stage: 'headers' | 'body' = 'headers';
    try {
      const init: RequestInit = { method, headers, signal: controller.signal };
      if (body !== undefined) init.body = body;
      if (options.credentials) init.credentials = options.credentials;
      if (options.redirect) init.redirect = options.redirect;
      const response = await doFetch(url, init);
      const wait = retryAfterSeconds(response.headers.get('Retry-After'));
      const delay = wait !== undefined ? wait * 1000 : backoffDelay(attempt);
      const retry = attempt < retries && RETRYABLE.has(response.status) && (wait ?? 0) <= httpDefaults.maxRetryAfter;
      if (retry && delay < left()) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(delay, outer);
        continue;
      }
      stage = 'body';
      // The body is read within the attempt: the time limit covers a server that sends its headers and
      // then stalls, and a connection cut in the middle of the answer is retried like one cut before it.
      return await buffered(response, controller.signal);
    } catch (error) {
      if (outer?.aborted) throw new CommentThreadError('aborted', 'The request was cancelled.', { url, cause: error });
      failure = timedOut
        ? new CommentThreadError('timeout', `${url} did not answer in ${Math.round(elapsed() / 1000)} s.`, { url })
        : isAbort(error) || error instanceof CommentThreadError
          ? CommentThreadError.from(error)
          : stage === 'body'
            ? new CommentThreadError('network', `The connection to ${url} was lost while reading the answer.`, {
                url,
                cause: error,
              })
            : new CommentThreadError('network', `Could not reach ${url}.`, { url, cause: error });
    } finally {
      clock.clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    }
    const delay = backoffDelay(attempt);
    // A wait that would end past the deadline leaves no time to try again: the reader hears it now.
    if (attempt >= retries || delay >= left()) throw failure;
    await sleep(delay, outer);
  }
}

/** The response with its body read to the end, so it can be read again without the network; `url` and
 * `redirected` kept (the WordPress adapter reads where a form post landed). */
async function buffered(response: Response, signal: AbortSignal): Promise<Response> {
  // An opaque redirect (`redirect: 'manual'`) has status 0 and nothing to read.
  if (response.type === 'opaqueredirect' || response.status < 200) return response;
  const body = NULL_BODY.has(response.status) ? null : await untilAborted(response.arrayBuffer(), signal);
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
}

/** `promise`, or a rejection as soon as `signal` aborts: not every `fetch` (a stub, a polyfill) ties the
 * body's stream to the request's signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

const backoffDelay = (attempt: number) => httpDefaults.backoff * 2 ** attempt * (0.75 + Math.random() * 0.5);

/** Reads a body with `read`; a connection lost on the way is `network`, a cancellation `aborted`. */
export async function readBody<T>(
  response: Response,
  url: string,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  try {
    return await read(response);
  } catch (error) {
    if (isAbort(error)) throw CommentThreadError.from(error);
    throw new CommentThreadError('network', `The connection to ${url} was lost while reading the answer.`, {
      url,
      status: response.status,
      cause: error,
    });
  }
}

/** Reads a body as JSON; anything else (an HTML error page, a cut connection) is `invalid-response`. */
export async function readJson(response: Response, url: string): Promise<unknown> {
  const text = await readBody(response, url, (r) => r.text());
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('Content-Type') ?? 'unknown type';
    throw new CommentThreadError('invalid-response', `Expected JSON from ${url} but got ${describe(text, type)}.`, {
      url,
      status: response.status,
    });
  }
}

function describe(text: string, type: string): string {
  if (!text.trim()) return 'an empty answer';
  if (/^\s*</.test(text)) return `an HTML page (${type.split(';')[0]}, HTTP status shown on it may explain)`;
  return `something else (${type.split(';')[0]})`;
}

/** Validates `data` against a backend's schema; a mismatch is `invalid-response` with the first problem. */
export function parse<T extends z.core.$ZodType>(schema: T, data: unknown, url: string): z.infer<T> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new CommentThreadError(
    'invalid-response',
    `Unexpected answer from ${url}${where}: ${issue?.message ?? 'invalid data'}.`,
    { url, cause: result.error },
  );
}

/** An HTTP error with no more specific reason; `message` (for developers) is followed by the URL. */
export const httpError = (response: Response, url: string, message?: string) =>
  new CommentThreadError(
    'http',
    `${message ?? `The comment server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`} (${url})`,
    { url, status: response.status, retryAfter: retryAfterSeconds(response.headers.get('Retry-After')) },
  );

/**
 * The address relative URLs resolve against when an adapter was given no `baseUrl`: the page's, where
 * there is a page (a developer calling a factory in a browser), else localhost (tests, workers, Node).
 * The element passes the document's base URL instead, which also honours `<base href>` and, in an iframe
 * made with srcdoc, is the embedding page's address.
 */
function defaultBase(): string {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === 'string' && /^https?:/i.test(href) ? href : 'http://localhost/';
}

/** A URL resolved as a link on the page at `baseUrl` would be. */
export const absoluteUrl = (url: string, baseUrl?: string): URL => new URL(url, baseUrl || defaultBase());

/** Joins a base URL and a path the way a browser resolves a link, relative to `pageUrl` when needed. */
export function resolveUrl(base: string, path = '', pageUrl?: string): URL {
  const root = absoluteUrl(base, pageUrl);
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  return new URL(path.replace(/^\//, ''), root);
}

/** A page's shape, its comments not yet looked at. */
const PageShape = z.object({
  comments: uncheckedArray(),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
});

/**
 * What an adapter hands the element, checked against the model: `build` maps the backend's parsed answer,
 * and a mapping that throws (a RangeError, a missing field) or a wrong page shape becomes
 * `invalid-response` naming the URL, never a stray exception. A page whose every comment is valid is
 * marked checked, so the element does not check it again; otherwise it goes as it is, and the element
 * leaves out and counts the bad comments (one validation policy: one bad comment never hides a page).
 */
export function toPage(url: string, build: () => Page): Page {
  const page = checked(PageShape, url, build) as Page;
  const valid = PageSchema.safeParse(page);
  if (!valid.success) return page;
  checkedPages.add(valid.data);
  return valid.data;
}

/** As `toPage`, for the comment a submit created. */
export function toComment(url: string, build: () => Comment): Comment {
  return checked(CommentSchema, url, build);
}

function checked<T extends z.core.$ZodType>(schema: T, url: string, build: () => unknown): z.infer<T> {
  let value: unknown;
  try {
    value = build();
  } catch (error) {
    if (error instanceof CommentThreadError) throw error;
    throw new CommentThreadError('invalid-response', `Unexpected answer from ${url}: ${messageOf(error)}.`, {
      url,
      cause: error,
    });
  }
  return parse(schema, value, url);
}

/**
 * Holds an adapter to its contract, whatever its backend sends: `list()` resolves to a page of the right
 * shape (see `toPage`) and `submit()` to a valid Comment, or they reject with a CommentThreadError (a
 * mapping that throws is `invalid-response`, never a stray TypeError). Every built-in adapter that maps a backend's own shape
 * returns through it; `where` names the backend in messages (its endpoint). Methods are wrapped in place,
 * so an adapter's `capabilities` getter keeps working.
 */
export function checkedAdapter<A extends CommentAdapter>(adapter: A, where: string): A {
  const list = adapter.list.bind(adapter);
  adapter.list = async (query) => {
    const page = await settle(() => list(query), where);
    return checkedPages.has(page) ? page : toPage(where, () => page);
  };
  const submit = adapter.submit?.bind(adapter);
  if (submit) {
    adapter.submit = async (draft, options) => {
      const comment = await settle(() => submit(draft, options), where);
      return toComment(where, () => comment);
    };
  }
  return adapter;
}

async function settle<T>(run: () => Promise<T>, where: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CommentThreadError) throw error;
    if (isAbort(error)) throw CommentThreadError.from(error);
    throw new CommentThreadError('invalid-response', `Unexpected answer from ${where}: ${messageOf(error)}.`, {
      url: where,
      cause: error,
    });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
