/**
 * What the fault-matrix tests share: a store on the in-test server (test/server/plugin.mjs) with scripted
 * failures, the element on the rest backend against it, and the HTTP time limits the tests run with.
 */
import { fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { httpDefaults } from '../../src/adapters/http.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { comment } from '../fixtures.js';
import { field, fill, part, shadow, until } from '../helpers.js';

export interface Failure {
  method?: 'GET' | 'POST';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay?: number;
  /** Held until `release()` (or until the client gives up on it). */
  hold?: boolean;
  times: number;
  pass?: boolean;
  /** Cut the connection: before answering, in the middle of the body, stalled after it began, or after doing
   * what the request asked (a POST stored) but before answering. */
  drop?: 'before' | 'body' | 'stall' | 'after';
}
export interface LogEntry {
  method: string;
  url: string;
  time: number;
  failure?: boolean;
  created?: string;
  held?: boolean;
  /** The client closed the connection while the server held the request. */
  closed?: boolean;
  /** A POST's Idempotency-Key header. */
  key?: string;
  /** A POST whose key was known: answered with the comment this id names, nothing created. */
  replayed?: string;
}

/**
 * A time limit no answer of the in-test server comes near, however busy the machine: a request that
 * should succeed must never be timed out and retried. Tests whose subject is the time limit lower it to
 * SHORT_TIMEOUT, against a server that never answers in time (it holds or stalls the request).
 */
export const TIMEOUT = 10_000;
export const SHORT_TIMEOUT = 400;

const realFetch = globalThis.fetch;

/** Registers the hooks every fault-matrix file needs: clean storage, the HTTP limits above, the page's own fetch
 * after each test, online at the end. */
export function faultHooks() {
  const defaults = { ...httpDefaults };
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    // The deadline too is one no test comes near: tests of it move a fake clock (deadline.test.ts).
    Object.assign(httpDefaults, { timeout: TIMEOUT, retries: 2, backoff: 40, maxRetryAfter: 1, deadline: 6 * TIMEOUT });
  });
  afterEach(() => {
    Object.assign(httpDefaults, defaults);
    globalThis.fetch = realFetch;
  });
  after(() => offline(false));
}

/** Takes the page offline (requests to the server fail, navigator.onLine is false) or back online. */
export async function offline(value: boolean) {
  await executeServerCommand('comment-thread:offline', { offline: value });
  if (value) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else if (Object.getOwnPropertyDescriptor(navigator, 'onLine')) {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  }
}

let stores = 0;

/** A fresh store with these comments, answering the scripted failures first. */
export async function server(failures: Failure[] = [], comments = [comment('1', null, '2020-01-01T00:00:00Z', 'Ann')]) {
  // Random too: test files run side by side in pages of one server, and two may start a store in the same millisecond.
  const store = `faults-${Date.now()}-${stores++}-${Math.random().toString(36).slice(2, 8)}`;
  await fetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments, failures }) });
  const log = async (): Promise<LogEntry[]> => (await fetch(`/test-api/log/${store}`)).json();
  return {
    store,
    endpoint: `/test-api/rest/${store}`,
    log,
    /** Resolves with the log once `count` requests of `method` are held by the server. */
    held: async (method: 'GET' | 'POST', count = 1) => {
      await until(async () => (await log()).filter((e) => e.method === method && e.held).length >= count, `${count} ${method} held by the server`);
      return log();
    },
    /** Waits until the client has given up on its `nth` held `method` request (the server saw it close). */
    closed: (method: 'GET' | 'POST', nth = 0) =>
      until(
        async () => (await log()).filter((e) => e.method === method && e.held)[nth]?.closed === true,
        `held ${method} #${nth} cancelled by the client`,
      ),
    /** Lets the held requests go on. */
    release: async (): Promise<number> => ((await (await fetch(`/test-api/release/${store}`, { method: 'POST' })).json()) as { released: number }).released,
  };
}

/**
 * Records when the page starts each request to `endpoint` (performance.now()), until the test ends: gaps
 * measured where the waits happen, which load can only lengthen (arrivals at the server can bunch up).
 */
export function watchFetches(endpoint: string) {
  const starts: number[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes(endpoint)) starts.push(performance.now());
    return realFetch(input, init);
  };
  return { starts };
}

export const render = (endpoint: string, postId = '1') =>
  fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id=${postId} backend="rest" endpoint=${endpoint}></comment-thread>`,
  );

export const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;
export const status = (el: CommentThread) => part(el, 'status')!.textContent!.replace(/\u00a0$/, '');
export const posts = (log: LogEntry[]) => log.filter((e) => e.method === 'POST');
export const gets = (log: LogEntry[]) => log.filter((e) => e.method === 'GET');
export const draftOf = (form: HTMLFormElement) => field<HTMLTextAreaElement>(form, 'Comment').value;

/** Fills the top form and submits; resolves on the submit's outcome event. */
export async function post(el: CommentThread, content = 'My considered opinion.') {
  const form = topForm(el);
  fill(form, { content, name: 'Kim', email: 'kim@example.org' });
  const outcome = Promise.race([oneEvent(el, 'comment-submitted'), oneEvent(el, 'comment-error')]);
  form.requestSubmit();
  return outcome;
}
