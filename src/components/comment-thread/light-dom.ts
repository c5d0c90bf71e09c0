/**
 * Comments the page already holds: server-rendered markup in the element's light DOM, read as the
 * thread's first page so that no request is made for it (progressive enhancement: crawlers and readers
 * without JavaScript see the same comments).
 *
 * Three markups are read, all by the DOM:
 * - WordPress's `wp_list_comments()` in a classic theme: `ol.comment-list` (or `.commentlist`) of
 *   `li.comment#comment-N` (or `#li-comment-N`), each with `.comment-author .fn`, `time[datetime]`,
 *   `.comment-content` and its replies in a nested `ol.children`; `bypostauthor` marks the post's author;
 * - the `core/comments` block of a block theme: `ol.wp-block-comment-template` of `li#comment-N`, with
 *   `.wp-block-comment-author-name`, `.wp-block-comment-date time`, `.wp-block-comment-content` and a
 *   plain nested `ol` for replies;
 * - the Node renderer's (src/render.ts), which is the classic markup with `data-comment-id` on each item.
 *
 * What is read is raw data: the element checks it like any adapter's page (model/page.ts) and sanitizes
 * each body like any backend's HTML. Whether more pages follow is said by the wrapper marked
 * `data-comment-thread-page`: `data-cursor` is the adapter's cursor for the next page (absent or empty:
 * the markup holds the whole thread) and `data-total` the number of comments in the thread.
 */
import { LISTS } from './server-page.js';

/** A first page found in the light DOM, not yet checked. */
export interface ServerPage {
  comments: unknown[];
  total?: number;
  cursor: string | null;
}

const AUTHOR = '.comment-author .fn, .wp-block-comment-author-name';
const BODY = '.comment-content, .wp-block-comment-content';
/** Pieces of a theme's markup that are not the comment's text. */
const NOT_BODY = '.comment-awaiting-moderation, .reply, .comment-reply-link, .wp-block-comment-reply-link, .comment-edit-link';

/** The first element under `item` matching `selector` that belongs to `item` itself, not to a reply. */
function own<T extends Element>(item: Element, selector: string): T | null {
  for (const found of item.querySelectorAll<T>(selector)) if (found.closest('li') === item) return found;
  return null;
}

/** `comment-12`, `li-comment-12` (older themes), or the renderer's exact `data-comment-id`. */
function idOf(item: HTMLElement): string | undefined {
  if (item.dataset.commentId) return item.dataset.commentId;
  return /^(?:li-)?comment-(.+)$/.exec(item.id)?.[1];
}

function readItem(item: HTMLElement, parentId: string | null, out: unknown[]): void {
  const id = idOf(item);
  if (id === undefined) return;
  const nameElement = own<HTMLElement>(item, AUTHOR);
  const link = nameElement?.querySelector<HTMLAnchorElement>('a[href]');
  const avatar = own<HTMLImageElement>(item, 'img.avatar, .wp-block-avatar img');
  const time = own<HTMLTimeElement>(item, 'time[datetime]');
  const permalink = time?.closest('a[href]') ?? time?.querySelector('a[href]');
  const bodyElement = own<HTMLElement>(item, BODY);
  let body = '';
  if (bodyElement) {
    const copy = bodyElement.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll(NOT_BODY)) extra.remove();
    body = copy.innerHTML.trim();
  }
  const pending = item.classList.contains('unapproved') || own(item, '.comment-awaiting-moderation') !== null;
  // Fields that are missing stay missing: the page check leaves such a comment out and says why.
  out.push({
    id,
    // The renderer names the true parent of a reply it hung at its depth cap.
    parentId: item.dataset.parentId ?? parentId,
    author: {
      name: nameElement?.textContent?.trim() ?? undefined,
      ...(link ? { url: link.href } : {}),
      ...(avatar?.src ? { avatarUrl: avatar.src } : {}),
      ...(item.classList.contains('bypostauthor') ? { isPostAuthor: true } : {}),
    },
    createdAt: time?.dateTime,
    body: { format: 'html', value: body },
    status: pending ? 'pending' : 'approved',
    ...(permalink instanceof HTMLAnchorElement ? { permalink: permalink.href } : {}),
  });
  for (const replies of item.querySelectorAll(':scope > ol, :scope > ul')) readList(replies, id, out);
}

function readList(list: Element, parentId: string | null, out: unknown[]): void {
  for (const child of list.children) if (child instanceof HTMLLIElement) readItem(child, parentId, out);
}

/**
 * The comments in `host`'s light DOM, in document order, or undefined when it holds no comment list
 * (then the adapter loads the first page as usual). An empty list is a page too: "No comments yet".
 */
export function serverPage(host: HTMLElement): ServerPage | undefined {
  const marked = host.querySelector<HTMLElement>('[data-comment-thread-page]');
  const list = (marked ?? host).querySelector(LISTS);
  if (!list && !marked) return undefined;
  const comments: unknown[] = [];
  if (list) readList(list, null, comments);
  const cursor = marked?.dataset.cursor?.trim() || null;
  const total = Number(marked?.dataset.total);
  return { comments, cursor, ...(marked?.dataset.total && Number.isInteger(total) && total >= 0 ? { total } : {}) };
}
