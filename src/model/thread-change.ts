/**
 * Changes to a built thread after it was shown (an edit saved, a comment deleted), without building it
 * again: only the lists on the path to a change are copied, so every other subtree keeps its identity and
 * the element re-renders only what changed (as `insertIntoThread` does for a new comment).
 */
import type { Comment } from './schemas.js';
import type { ThreadNode } from './thread.js';

/** `nodes` with the comment of the same id as `comment` replaced by it; the same array when it is not there. */
export function replaceInThread(nodes: readonly ThreadNode[], comment: Comment): readonly ThreadNode[] {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    let changed: ThreadNode | undefined;
    if (node.comment.id === comment.id) changed = { ...node, comment };
    else if (node.replies.length) {
      const replies = replaceInThread(node.replies, comment);
      if (replies !== node.replies) changed = { ...node, replies };
    }
    if (changed) {
      const copy = [...nodes];
      copy[i] = changed;
      return copy;
    }
  }
  return nodes;
}

/**
 * `nodes` without the comments whose ids are in `ids`, nor what is shown under them; sizes recounted on
 * the way. Replies shown past the depth cap are siblings of the comment they answer: `ids` names them too
 * when they go. The same array when none of them is there.
 */
export function removeFromThread(nodes: readonly ThreadNode[], ids: ReadonlySet<string>): readonly ThreadNode[] {
  let out: ThreadNode[] | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    let kept: ThreadNode | undefined = node;
    if (ids.has(node.comment.id)) kept = undefined;
    else if (node.replies.length) {
      const replies = removeFromThread(node.replies, ids);
      if (replies !== node.replies) kept = { ...node, replies, size: 1 + replies.reduce((n, r) => n + r.size, 0) };
    }
    if (kept !== node && !out) out = nodes.slice(0, i);
    if (out && kept) out.push(kept);
  }
  return out ?? nodes;
}

/** The ids of `id`'s replies, their replies and so on, among `comments` (any order). */
export function repliesOf(comments: readonly Comment[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of comments) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const found = new Set<string>();
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    // A parent cycle cannot loop: each id is taken once.
    if (found.has(next) || next === id) continue;
    found.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return found;
}

/** What a thread holds: its comments, the visitor's pending ones, and the tree built from them. */
export interface ThreadHeld {
  readonly comments: readonly Comment[];
  readonly pending: readonly Comment[];
  readonly nodes: readonly ThreadNode[];
}

/** A thread after a change, and how its count moved. */
export interface ThreadChange extends ThreadHeld {
  /** "Comment deleted" placeholders added (or, negative, gone). */
  readonly placeholders: number;
  /** Comments that stopped counting: deleted, or made placeholders. */
  readonly uncounted: number;
  /** Ids no longer in the thread. */
  readonly gone: readonly string[];
  /** The deleted comment stays as "Comment deleted", holding its replies' place. */
  readonly kept: boolean;
}

const unchanged = { placeholders: 0, uncounted: 0, gone: [], kept: false } as const;

/** The thread with `comment` (an edit saved) in place of the comment of the same id; undefined when it holds none. */
export function replaceComment(held: ThreadHeld, comment: Comment): ThreadChange | undefined {
  const index = held.comments.findIndex((c) => c.id === comment.id);
  if (index < 0) return undefined;
  const comments = [...held.comments];
  comments[index] = comment;
  return { ...unchanged, comments, pending: held.pending, nodes: replaceInThread(held.nodes, comment) };
}

/**
 * The thread without comment `id`, deleted. One with replies stays as "Comment deleted" so they keep
 * their place, unless the backend deleted them with it (`withReplies`): then they go too. A placeholder
 * whose last reply goes has nothing left to hold a place for, and goes as well. Undefined when the
 * thread holds no such comment.
 */
export function removeComment(held: ThreadHeld, id: string, withReplies: boolean): ThreadChange | undefined {
  const index = held.comments.findIndex((c) => c.id === id);
  if (index < 0) return undefined;
  const old = held.comments[index];
  const replies = repliesOf([...held.comments, ...held.pending], id);
  if (replies.size > 0 && !withReplies) {
    const placeholder: Comment = { ...old, deleted: true, own: false, author: { name: '' }, body: { format: 'text', value: '' } };
    const change = replaceComment(held, placeholder)!;
    return { ...change, placeholders: old.deleted ? 0 : 1, uncounted: old.deleted ? 0 : 1, kept: true };
  }
  const gone = new Set([id, ...(withReplies ? replies : [])]);
  for (let parent = old.parentId; parent !== null && !gone.has(parent); ) {
    const above = held.comments.find((c) => c.id === parent);
    if (!above?.deleted || [...repliesOf(held.comments, parent)].some((r) => !gone.has(r))) break;
    gone.add(parent);
    parent = above.parentId;
  }
  const leaving = held.comments.filter((c) => gone.has(c.id));
  const placeholders = leaving.filter((c) => c.deleted).length;
  return {
    comments: held.comments.filter((c) => !gone.has(c.id)),
    pending: held.pending.filter((c) => !gone.has(c.id)),
    nodes: removeFromThread(held.nodes, gone),
    placeholders: -placeholders,
    uncounted: leaving.length - placeholders,
    gone: [...gone],
    kept: false,
  };
}
