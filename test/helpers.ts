import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CommentAdapter } from '../src/adapters/types.js';
import type { CommentThread } from '../src/components/comment-thread/comment-thread.js';
import type { Comment, Draft, Page } from '../src/model/schemas.js';

/** The element's shadow root. */
export const shadow = (el: CommentThread) => el.shadowRoot!;

/** Elements in the shadow root by part name. */
export const parts = <T extends Element = HTMLElement>(el: CommentThread, part: string) =>
  [...shadow(el).querySelectorAll<T>(`[part~="${part}"]`)];

export const part = <T extends Element = HTMLElement>(el: CommentThread, part: string) =>
  shadow(el).querySelector<T>(`[part~="${part}"]`);

/** A comment's article by comment id. */
export const article = (el: CommentThread, id: string) =>
  shadow(el).querySelector<HTMLElement>(`article[data-comment-id="${id}"]`);

/** A field of a form by its label text. */
export function field<T extends HTMLElement = HTMLInputElement>(form: HTMLFormElement, label: string | RegExp): T {
  for (const l of form.querySelectorAll('label')) {
    const text = l.textContent!.replace(/\s+/g, ' ').trim();
    if (typeof label === 'string' ? text === label || text === `${label} *` : label.test(text)) {
      return (l.control ?? l.querySelector('input,textarea')) as T;
    }
  }
  throw new Error(`no field labelled ${label}`);
}

/** Types into a field as a user would (value + input event). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * Waits until `predicate` holds (it may be async). The bound only turns a hang into a failure that names
 * what never happened: it is generous because a busy machine is slow, and no test may depend on speed.
 * (open-wc's `waitUntil` gives up after 1 s by default.)
 */
export function until<T>(predicate: () => T | Promise<T>, message: string, timeout = 20000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

/**
 * Lets `ms` pass, for checks that something did not happen (no second request, no late event). A slow
 * machine can only make such a check miss a defect, never fail a correct build: use it for nothing else.
 */
export const quiet = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the thread has loaded (or failed). */
export async function loaded(el: CommentThread) {
  await until(() => parts(el, 'thread')[0]?.getAttribute('aria-busy') === 'false', 'thread did not load');
  await el.updateComplete;
}

/** An eager thread of post 1 on `adapter`, with no minimum fill time, once it has loaded. */
export async function loadedThread(adapter: CommentAdapter): Promise<CommentThread> {
  const el = await fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" .adapter=${adapter} post-id="1"></comment-thread>`,
  );
  await loaded(el);
  return el;
}

/** The "Leave a Reply" form. */
export const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;

/** Fills a form's fields that exist. */
export function fill(form: HTMLFormElement, values: { content?: string; name?: string; email?: string; url?: string }) {
  if (values.content !== undefined) type(field<HTMLTextAreaElement>(form, 'Comment'), values.content);
  if (values.name !== undefined) type(field(form, 'Name'), values.name);
  if (values.email !== undefined) type(field(form, 'Email'), values.email);
  if (values.url !== undefined) type(field(form, 'Website'), values.url);
}

export const submit = (form: HTMLFormElement) => form.requestSubmit();

/** A scriptable adapter: list and submit answers come from functions the test controls. */
export function scripted(options: {
  list?: (query: Parameters<CommentAdapter['list']>[0]) => Promise<Page>;
  submit?: (draft: Draft, options: { signal: AbortSignal }) => Promise<Comment>;
  capabilities?: Partial<CommentAdapter['capabilities']>;
}): CommentAdapter & { drafts: Draft[]; lists: number } {
  const adapter = {
    drafts: [] as Draft[],
    lists: 0,
    key: `scripted-${Math.random()}`,
    capabilities: { post: true, reply: true, fields: { email: 'required', url: true }, ...options.capabilities } as CommentAdapter['capabilities'],
    list: async (query: Parameters<CommentAdapter['list']>[0]) => {
      adapter.lists++;
      return options.list ? options.list(query) : { comments: [], total: 0, cursor: null };
    },
    submit: async (draft: Draft, opts: { signal: AbortSignal }) => {
      adapter.drafts.push(draft);
      if (!options.submit) throw new Error('no submit scripted');
      return options.submit(draft, opts);
    },
  };
  return adapter;
}

/** A promise with its resolve and reject exposed. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export { oneEvent };
