import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ThreadNode } from '../../../model/thread.js';
import { isHttpUrl, isSafeImage, isSafeLink } from '../../../sanitize.js';
import { actionsFor, actionsRow } from './actions.js';
import { lazyAvatar } from './avatar.js';
import { body } from './body.js';
import { serviceName } from './services.js';
import { replyForm } from './form.js';
import { deletedItem } from './deleted.js';
import type { View } from './view.js';


/**
 * One comment: an article with author and date in its header, then its replies as a nested list.
 * Written without whitespace between its pieces (the header is a flex row; the rest are blocks): every
 * space between two bindings would be a text node in each of thousands of comments.
 */
export function commentItem(node: ThreadNode, view: View, deps?: readonly unknown[]): TemplateResult | typeof nothing {
  // As this page view knows it: liked, edited or deleted here.
  const c = view.own.comment(node.comment);
  const id = c.id;
  if (view.own.removed(id)) return nothing;
  const { name, url, avatarUrl, isPostAuthor } = c.author;
  const domId = `comment-${encodeURIComponent(id)}`;
  if (c.deleted) return deletedItem(id, domId, view, node.replies.length ? replyList(node.replies, view, deps) : nothing);
  const authorId = `${domId}-author`;
  const pending = c.status === 'pending';
  const open = view.replyTo === id;
  const words = view.words;
  const avatar = avatarUrl && isSafeImage(avatarUrl) ? avatarUrl : undefined;
  const permalink = c.permalink && isSafeLink(c.permalink) ? c.permalink : undefined;
  const date = words.date(c.createdAt, view.now);
  const parts = `comment depth-${node.depth}${isPostAuthor ? ' by-post-author' : ''}${pending ? ' pending' : ''}`;
  // prettier-ignore
  return html`<li part="item"><article part=${parts} id=${domId} class=${view.arrived === id ? 'new' : nothing} data-comment-id=${id} aria-labelledby=${authorId} tabindex="-1"><header part="header">${
    avatar
      ? html`<span part="avatar" ${lazyAvatar(avatar)}></span>`
      : nothing
  }<span part="author" id=${authorId} dir="auto">${
    url && isHttpUrl(url) ? html`<a part="author-link" href=${url} rel="nofollow ugc noopener external">${name}</a>` : name
  }</span>${
    isPostAuthor ? html`<span part="badge">${words.text('postAuthor')}</span>` : nothing
  }${
    c.origin && !c.origin.site ? html`<span part="source-badge" data-service=${c.origin.service}>${words.text('onService', { service: serviceName(c.origin.service) })}</span>` : nothing
  }${
    node.inReplyTo ? html`<span part="in-reply-to">${words.text('inReplyTo', { name: node.inReplyTo.name })}</span>` : nothing
  }<span part="meta"><a part="permalink" href=${ifDefined(permalink)}><time part="date" datetime=${date.iso} title=${ifDefined(date.title)} .textContent=${date.text}></time></a></span></header><div part="body" dir="auto" ${body(c.body.format, c.body.value, words)}></div>${
    pending ? html`<p part="moderation">${words.text('awaitingModeration')}</p>` : view.own.panel(c, domId, view)
  }<div part="actions" ${actionsRow(actionsFor(c, domId, view), authorId)}></div></article>${open ? replyForm(id, domId, name, view) : nothing}${
    node.replies.length ? replyList(node.replies, view, deps) : nothing
  }</li>`;
}

/** Top-level comments per block, on average. */
const BLOCK = 32;

/** A long list (past LONG) is cut in guarded blocks, and the browser lays out only its items near the reader. */
const LONG = 2 * BLOCK;

/** A comment's replies; a long list is marked so that each item is a `content-visibility: auto` subtree of its own. */
const replyList = (nodes: readonly ThreadNode[], view: View, deps: readonly unknown[] | undefined) =>
  nodes.length > LONG
    ? html`<ol part="replies" class="long">${commentList(nodes, view, deps)}</ol>`
    : html`<ol part="replies">${commentList(nodes, view, deps)}</ol>`;

/**
 * A list of sibling comments, keyed by id. `deps` are what the enclosing top-level subtree's guard
 * compares besides its node: with them, a long list (thousands of replies at the depth cap) is cut into
 * blocks that re-render only when one of their nodes or `deps` changed, so showing a big subtree a chunk
 * at a time re-renders the comments each chunk adds, not every one shown before them.
 */
export const commentList = (nodes: readonly ThreadNode[], view: View, deps?: readonly unknown[]) =>
  deps && nodes.length > LONG
    ? repeat(
        blocks(nodes),
        (block) => block.key,
        (block) => guard([...deps, ...block.nodes], () => repeat(block.nodes, (node) => node.comment.id, (node) => commentItem(node, view, deps))),
      )
    : repeat(nodes, (node) => node.comment.id, (node) => commentItem(node, view, deps));

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
 * the open form inside it, or the words changed (a new `Words` is made only when the language, the
 * strings or the date style change): posting a reply into a 5,000-comment thread touches one
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
    const deps = [view.words, view.capabilities, mine ? view.replyTo : null, mine ? formVersion : 0, arrived, view.own.version(node.comment.id)];
    return guard([node, ...deps], () => commentItem(node, view, deps));
  };
  return repeat(
    blocks(nodes),
    (block) => block.key,
    (block) => {
      const has = (id: string | undefined) => id !== undefined && block.nodes.some((n) => n.comment.id === id);
      const mine = has(formRoot);
      const arrived = has(arrivedRoot);
      // Versions only grow, so their sum changes whenever one of them does.
      const changed = block.nodes.reduce((sum, n) => sum + view.own.version(n.comment.id), 0);
      return guard(
        [view.words, view.capabilities, mine ? view.replyTo : null, mine ? formVersion : 0, arrived, changed, ...block.nodes],
        () => repeat(block.nodes, (node) => node.comment.id, item),
      );
    },
  );
}
