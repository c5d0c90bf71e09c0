/**
 * Following a `#comment-ID` link (see `permalink-controller.ts`): loads pages until the comment is there,
 * has it rendered past the progressive render limit, scrolls to it, focuses and marks it, or reports it
 * missing. A chunk of its own: only page views whose address names a comment need it.
 */
import type { LitElement, ReactiveControllerHost } from 'lit';
import { findNode } from '../../model/thread.js';
import type { PermalinkContext } from './permalink-context.js';
import type { ThreadController } from './thread-controller.js';

/** What a search reads and marks on its thread's `PermalinkController`. */
export interface PermalinkController {
  readonly wanted: string | null;
  generation: number;
  missing: string | null;
  marked?: HTMLElement;
  field?: HTMLElement;
  readonly host: ReactiveControllerHost & Pick<LitElement, 'renderRoot'>;
  readonly thread: ThreadController;
  readonly context: () => PermalinkContext;
}

/** The fragment the element gives a comment's article. */
export const fragmentOf = (id: string) => `comment-${encodeURIComponent(id)}`;

/**
 * Searches under way on the page, by comment id: a page with several threads (an archive, a post and its
 * guest book) says a linked comment is gone only when none of them holds it.
 */
const searches = new Map<string, Set<Promise<boolean>>>();

/** Follows the address's link in one thread, reporting the comment found or, once no thread holds it, missing. */
export async function follow(links: PermalinkController): Promise<void> {
  const id = links.wanted;
  if (id === null) return;
  const generation = ++links.generation;
  const search = find(links, id, generation);
  let running = searches.get(id);
  if (!running) searches.set(id, (running = new Set()));
  running.add(search);
  const found = await search;
  running.delete(search);
  if (generation !== links.generation || found) return;
  // Another thread on the page may hold it: wait for those still looking before saying it is gone.
  const others = await Promise.all([...running]);
  if (generation !== links.generation || others.some(Boolean)) return;
  links.missing = id;
  links.host.requestUpdate();
  await links.host.updateComplete;
  links.context().report({ kind: 'missing', id });
}

/** Loads and renders until the comment shows; false when the thread does not hold it. */
async function find(links: PermalinkController, id: string, generation: number): Promise<boolean> {
  const thread = links.thread;
  let comment = findNode(thread.nodes, id)?.comment;
  while (!comment && thread.hasMore) {
    // Past the render limit "more" first shows what is loaded, then fetches: either is progress.
    const before = thread.count + thread.progressive.visible.length;
    await links.context().loadMore();
    if (generation !== links.generation) return false;
    // A page that failed, or a load already under way elsewhere: no progress, no endless loop.
    if (thread.count + thread.progressive.visible.length === before) return false;
    comment = findNode(thread.nodes, id)?.comment;
  }
  if (!comment) return false;
  await render(links, comment.id);
  if (generation !== links.generation) return false;
  const article = articleOf(links, id);
  if (!article) return false;
  article.scrollIntoView({ block: 'start' });
  article.focus({ preventScroll: true });
  article.setAttribute('data-linked', '');
  links.marked = article;
  links.context().report({ kind: 'found', comment });
  return true;
}

/**
 * Has the comment's top-level subtree rendered now, wherever it is in the order and whatever the render
 * limit: the chunks already on their way stop, the next start shows every subtree up to this one at once,
 * and the chunks after it go on (pausing again at the limit, where "Load more" shows the rest).
 */
async function render(links: PermalinkController, id: string): Promise<void> {
  const thread = links.thread;
  const root = thread.rootOf(id);
  const progressive = thread.progressive;
  const visible = progressive.visible;
  if (!visible.some((node) => node.comment.id === root)) {
    const nodes = thread.nodes;
    const index = nodes.findIndex((node) => node.comment.id === root);
    let budget = 1;
    for (let i = visible.length; i < index; i++) budget += nodes[i].size;
    progressive.stop();
    void progressive.start(budget);
  }
  await links.host.updateComplete;
}

const articleOf = (links: PermalinkController, id: string) =>
  links.host.renderRoot.querySelector<HTMLElement>(`article[id="${CSS.escape(fragmentOf(id))}"]`);

/** The link in a read-only field under the comment's actions, selected; added outside the template, one at a time. */
export function showField(links: PermalinkController, id: string, link: string, label: string): void {
  links.field?.remove();
  const article = articleOf(links, id);
  if (!article) return;
  const field = document.createElement('label');
  field.setAttribute('part', 'field link-field');
  const text = document.createElement('span');
  text.setAttribute('part', 'label');
  text.textContent = label;
  const input = document.createElement('input');
  input.setAttribute('part', 'input');
  input.readOnly = true;
  input.value = link;
  field.append(text, input);
  article.append(field);
  links.field = field;
  input.focus();
  input.select();
}
