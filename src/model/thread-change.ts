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
