import { html, noChange, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDate, formatRelative } from '../../../i18n/index.js';
import type { Comment } from '../../../model/schemas.js';
import type { ThreadNode } from '../../../model/thread.js';
import { isHttpUrl, isSafeImage, isSafeLink } from '../../../sanitize.js';
import { body } from './body.js';
import { replyForm } from './form.js';
import type { View } from './view.js';

const WEEK = 7 * 24 * 3600 * 1000;

/** An avatar that cannot load (blocked, gone, offline) leaves no broken-image icon behind. */
const hideBroken = (event: Event) => ((event.target as HTMLElement).hidden = true);

/**
 * What the date line shows: the `<time>`'s value, title and text. The line is part of the comment's own
 * template, its `<time>` inside the permalink; without a safe permalink that `<a>` has no `href`, which
 * makes it a placeholder rather than a link (nothing to focus or follow) and spares every comment a
 * nested template instance.
 */
function dateLine(comment: Comment, view: View) {
  const date = new Date(comment.createdAt);
  const iso = date.toISOString();
  const absolute = formatDate(date, view.locale);
  const relative =
    view.dates === 'relative' || (view.dates === 'auto' && Math.abs(view.now - date.getTime()) < WEEK);
  const title = relative ? absolute : nothing;
  const text = relative ? formatRelative(date, view.locale, view.now) : absolute;
  return { iso, title, text };
}

/** Sets (or, with null, removes) an attribute unless it already has that value. */
function set(element: Element, name: string, value: string | null) {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * The Reply button, made without a template of its own: a nested template instance per comment was a
 * tenth of the time a thousand comments take to render. Where the comment takes no reply (a read-only
 * backend, a held comment) there is no button, and its row is hidden.
 */
class ReplyButton extends Directive {
  private button?: HTMLButtonElement;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('replyButton() belongs on an element');
  }

  render(_label: string | undefined, _open: boolean, _domId: string, _authorId: string) {
    return nothing;
  }

  override update(part: ElementPart, [label, open, domId, authorId]: [string | undefined, boolean, string, string]) {
    const row = part.element as HTMLElement;
    if (row.hidden !== (label === undefined)) row.hidden = label === undefined;
    if (label === undefined) {
      this.button?.remove();
      this.button = undefined;
      return noChange;
    }
    let button = this.button;
    if (!button) {
      button = this.button = document.createElement('button');
      button.setAttribute('part', 'reply-button');
      button.type = 'button';
      row.append(button);
    }
    // Only what changed is written, as Lit's own bindings do: a subtree that re-renders around an
    // opened form leaves its other buttons untouched.
    set(button, 'aria-expanded', open ? 'true' : 'false');
    set(button, 'aria-controls', open ? `form-${domId}` : null);
    set(button, 'aria-describedby', authorId);
    if (button.textContent !== label) button.textContent = label;
    return noChange;
  }
}

const replyButton = directive(ReplyButton);

/**
 * One comment: an article with author and date in its header, then its replies as a nested list.
 * Written without whitespace between its pieces (the header is a flex row; the rest are blocks): every
 * space between two bindings would be a text node in each of thousands of comments.
 */
export function commentItem(node: ThreadNode, view: View): TemplateResult {
  const c = node.comment;
  const id = c.id;
  const { name, url, avatarUrl, isPostAuthor } = c.author;
  const domId = `comment-${encodeURIComponent(id)}`;
  const authorId = `${domId}-author`;
  const pending = c.status === 'pending';
  const canReply = view.capabilities.reply && !pending;
  const open = view.replyTo === id;
  const avatar = avatarUrl && isSafeImage(avatarUrl) ? avatarUrl : undefined;
  const permalink = c.permalink && isSafeLink(c.permalink) ? c.permalink : undefined;
  const date = dateLine(c, view);
  const parts = `comment depth-${node.depth}${isPostAuthor ? ' by-post-author' : ''}${pending ? ' pending' : ''}`;
  // prettier-ignore
  return html`<li part="item"><article part=${parts} id=${domId} class=${view.arrived === id ? 'new' : nothing} data-comment-id=${id} aria-labelledby=${authorId} tabindex="-1"><header part="header">${
    avatar
      ? html`<img part="avatar" src=${avatar} alt="" width="40" height="40" loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${hideBroken} />`
      : nothing
  }<span part="author" id=${authorId}>${
    url && isHttpUrl(url) ? html`<a part="author-link" href=${url} rel="nofollow ugc noopener external">${name}</a>` : name
  }</span>${
    isPostAuthor ? html`<span part="badge">${view.messages.postAuthor}</span>` : nothing
  }${
    node.inReplyTo ? html`<span part="in-reply-to">${view.messages.inReplyTo(node.inReplyTo.name)}</span>` : nothing
  }<span part="meta"><a part="permalink" href=${ifDefined(permalink)}><time part="date" datetime=${date.iso} title=${date.title}>${date.text}</time></a></span></header><div part="body" ${body(c.body.format, c.body.value)}></div>${
    pending ? html`<p part="moderation">${view.messages.awaitingModeration}</p>` : nothing
  }<div part="actions" ${replyButton(canReply ? view.messages.reply : undefined, open, domId, authorId)}></div></article>${open ? replyForm(id, domId, name, view) : nothing}${
    node.replies.length ? html`<ol part="replies">${commentList(node.replies, view)}</ol>` : nothing
  }</li>`;
}

/** A list of sibling comments, keyed by id. */
export const commentList = (nodes: readonly ThreadNode[], view: View) =>
  repeat(nodes, (node) => node.comment.id, (node) => commentItem(node, view));

/** Top-level comments per block, on average. */
const BLOCK = 32;

const starts = new WeakMap<ThreadNode, boolean>();

/**
 * Whether a top-level comment starts a block, from its id alone (FNV-1a): inserting a comment anywhere
 * moves no other block's boundary, so no other block re-renders. Worked out once per node: the blocks
 * are cut again on every progressive chunk.
 */
function startsBlock(node: ThreadNode): boolean {
  let start = starts.get(node);
  if (start === undefined) {
    const id = node.comment.id;
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    starts.set(node, (start = (hash >>> 0) % BLOCK === 0));
  }
  return start;
}

interface Block {
  /** The id of the comment that starts it; '' for a first block that starts with no boundary. */
  key: string;
  nodes: ThreadNode[];
}

function blocks(nodes: readonly ThreadNode[]): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  for (const node of nodes) {
    const start = startsBlock(node);
    if (!current || start) {
      current = { key: start ? node.comment.id : '', nodes: [] };
      out.push(current);
    }
    current.nodes.push(node);
  }
  return out;
}

/**
 * The top-level list, in two levels of guards. Each top-level subtree re-renders only when its nodes,
 * the open form inside it, or the words changed: posting a reply into a 5,000-comment thread touches one
 * subtree. And the subtrees are grouped in blocks of about 32 that are skipped whole while unchanged, so
 * each progressive chunk or reply costs Lit one check per block rather than one per comment: with one
 * check per comment, a chunk at 20,000 comments spent most of its time re-checking the ones already shown.
 */
export function topList(nodes: readonly ThreadNode[], view: View, rootOf: (id: string) => string | undefined) {
  const formRoot = view.replyTo !== null ? rootOf(view.replyTo) : undefined;
  const formVersion = view.replyTo !== null ? (view.forms.get(view.replyTo)?.version ?? 0) : 0;
  const arrivedRoot = view.arrived !== null ? rootOf(view.arrived) : undefined;
  const item = (node: ThreadNode) => {
    const mine = formRoot === node.comment.id;
    const arrived = arrivedRoot === node.comment.id;
    return guard(
      [node, view.messages, view.capabilities, mine ? view.replyTo : null, mine ? formVersion : 0, arrived],
      () => commentItem(node, view),
    );
  };
  return repeat(
    blocks(nodes),
    (block) => block.key,
    (block) => {
      const has = (id: string | undefined) => id !== undefined && block.nodes.some((n) => n.comment.id === id);
      const mine = has(formRoot);
      const arrived = has(arrivedRoot);
      return guard(
        [view.messages, view.capabilities, mine ? view.replyTo : null, mine ? formVersion : 0, arrived, ...block.nodes],
        () => repeat(block.nodes, (node) => node.comment.id, item),
      );
    },
  );
}
