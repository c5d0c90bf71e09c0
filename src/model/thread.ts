/**
 * From a flat list of comments to the tree the element renders, with WordPress's threading rules:
 * replies deeper than `maxDepth` are shown at the last level, after the comment they hang from, and say
 * whom they answer; comments whose parent is missing are shown top-level; duplicate ids are dropped and
 * parent cycles are broken, so no input can hang it. Top-level order follows `order`; replies always read
 * oldest first, as a conversation does (and as WordPress's comment walker shows them).
 */
import type { Comment } from './schemas.js';

export type ThreadOrder = 'oldest' | 'newest';

export interface ThreadOptions {
  /** Deepest level shown, 1 = flat; WordPress's default is 5. */
  maxDepth?: number;
  /** Order of top-level comments. */
  order?: ThreadOrder;
}

export interface ThreadNode {
  readonly comment: Comment;
  /** 1 for top-level comments. */
  readonly depth: number;
  readonly replies: readonly ThreadNode[];
  /** Nodes in this subtree, itself included. */
  readonly size: number;
  /** Set on replies shown at the depth cap under someone else: whom the comment answers. */
  readonly inReplyTo?: { readonly id: string; readonly name: string };
  /** For those replies: the id of the comment at the last level they hang from. */
  readonly capAncestor?: string;
}

/** A comment while the tree is built: its date parsed once, its replies, whether it has a place yet. */
interface Entry {
  readonly comment: Comment;
  readonly time: number;
  kids: Entry[] | undefined;
  placed: boolean;
}

/** Oldest first, then by id (a comparator calling Date.parse would parse about 2·n·log n dates). */
const byDate = (a: { time: number; comment: Comment }, b: { time: number; comment: Comment }) =>
  a.time - b.time || (a.comment.id < b.comment.id ? -1 : a.comment.id > b.comment.id ? 1 : 0);

function depthCap(maxDepth: number | undefined): number {
  const cap = Math.floor(maxDepth ?? 5);
  return Number.isFinite(cap) && cap >= 1 ? cap : 1;
}

function leaf(comment: Comment, depth: number, replies: readonly ThreadNode[] = []): ThreadNode {
  let size = 1;
  for (const reply of replies) size += reply.size;
  return { comment, depth, replies, size };
}

/**
 * Builds the tree of `comments` (any order). Linear in the number of comments, plus sorting; at
 * 20,000 comments it must stay a small fraction of a frame budget's worth of long task.
 */
export function buildThread(comments: readonly Comment[], options: ThreadOptions = {}): ThreadNode[] {
  const cap = depthCap(options.maxDepth);
  const byId = new Map<string, Entry>();
  for (const comment of comments) {
    if (!byId.has(comment.id)) byId.set(comment.id, { comment, time: Date.parse(comment.createdAt), kids: undefined, placed: false });
  }

  const roots: Entry[] = [];
  for (const entry of byId.values()) {
    const parentId = entry.comment.parentId;
    const parent = parentId !== null && parentId !== entry.comment.id ? byId.get(parentId) : undefined;
    if (parent) (parent.kids ??= []).push(entry);
    else roots.push(entry);
  }
  for (const entry of byId.values()) if (entry.kids && entry.kids.length > 1) entry.kids.sort(byDate);

  let placed = 0;
  const place = (entry: Entry) => {
    entry.placed = true;
    placed++;
  };

  // Everything below a node at the cap, in conversation order, as leaves of the cap level. Iterative:
  // a chain of 10,000 replies must not overflow the stack.
  const flatten = (top: Entry, depth: number, out: ThreadNode[]) => {
    const stack: Entry[] = [];
    const pushKids = (entry: Entry) => {
      const kids = entry.kids;
      if (!kids) return;
      for (let i = kids.length - 1; i >= 0; i--) {
        if (kids[i].placed) continue;
        place(kids[i]);
        stack.push(kids[i]);
      }
    };
    pushKids(top);
    while (stack.length) {
      const entry = stack.pop()!;
      const parent = byId.get(entry.comment.parentId!)!.comment;
      out.push({
        ...leaf(entry.comment, depth),
        inReplyTo: { id: parent.id, name: parent.author.name },
        capAncestor: top.comment.id,
      });
      pushKids(entry);
    }
  };

  // Recursion is bounded by the cap, not by the data.
  const level = (list: readonly Entry[] | undefined, depth: number, out: ThreadNode[] = []): ThreadNode[] => {
    if (!list) return out;
    for (const entry of list) {
      if (entry.placed) continue;
      place(entry);
      if (depth < cap) {
        out.push(leaf(entry.comment, depth, level(entry.kids, depth + 1)));
      } else {
        out.push(leaf(entry.comment, depth));
        flatten(entry, depth, out);
      }
    }
    return out;
  };

  roots.sort(byDate);
  const top = level(roots, 1);
  // What is left sits on a parent cycle: the oldest comment of each cycle becomes top-level.
  if (placed < byId.size) {
    const rest = [...byId.values()].filter((e) => !e.placed).sort(byDate);
    for (const entry of rest) if (!entry.placed) level([entry], 1, top);
  }
  return orderTop(top, options.order ?? 'oldest', byId);
}

/** Sorts top-level groups (a root and the cap-level replies that follow it stay together). */
function orderTop(nodes: ThreadNode[], order: ThreadOrder, byId: ReadonlyMap<string, Entry>): ThreadNode[] {
  const groups: { time: number; comment: Comment; nodes: ThreadNode[] }[] = [];
  for (const node of nodes) {
    if (node.capAncestor !== undefined && groups.length) groups[groups.length - 1].nodes.push(node);
    else groups.push({ time: byId.get(node.comment.id)!.time, comment: node.comment, nodes: [node] });
  }
  groups.sort(byDate);
  if (order === 'newest') groups.reverse();
  const out: ThreadNode[] = [];
  for (const group of groups) for (const node of group.nodes) out.push(node);
  return out;
}

/** Number of comments in a thread. */
export const countThread = (nodes: readonly ThreadNode[]) => nodes.reduce((n, node) => n + node.size, 0);

/** Whether the thread holds a comment with this id. */
export function findNode(nodes: readonly ThreadNode[], id: string): ThreadNode | undefined {
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.comment.id === id) return node;
    stack.push(...node.replies);
  }
  return undefined;
}

/**
 * Adds one comment (a reply just posted, say) to a built thread without rebuilding it: only the nodes
 * on the path to the new one are copied, so every other subtree keeps its identity and the element
 * re-renders only what changed. Follows the same rules as `buildThread`.
 */
export function insertIntoThread(
  nodes: readonly ThreadNode[],
  comment: Comment,
  options: ThreadOptions = {},
): ThreadNode[] {
  const cap = depthCap(options.maxDepth);
  if (findNode(nodes, comment.id)) return [...nodes];
  const parentId = comment.parentId;
  const added = insertInto(nodes, comment, parentId, cap);
  if (added) return added;
  // No parent in the thread: top-level, where its date puts it.
  const node = leaf(comment, 1);
  return (options.order ?? 'oldest') === 'newest' ? [node, ...nodes] : [...nodes, node];
}

function insertInto(
  list: readonly ThreadNode[],
  comment: Comment,
  parentId: string | null,
  cap: number,
): ThreadNode[] | undefined {
  if (parentId === null) return undefined;
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (node.comment.id === parentId) {
      if (node.depth < cap) {
        const replies = [...node.replies, leaf(comment, node.depth + 1)];
        return replaceAt(list, i, { ...node, replies, size: node.size + 1 });
      }
      // At the cap: after the parent and the replies already shown after it.
      const anchor = node.capAncestor ?? node.comment.id;
      let at = i + 1;
      while (at < list.length && list[at].capAncestor === anchor) at++;
      const reply: ThreadNode = {
        ...leaf(comment, node.depth),
        inReplyTo: { id: node.comment.id, name: node.comment.author.name },
        capAncestor: anchor,
      };
      return [...list.slice(0, at), reply, ...list.slice(at)];
    }
    if (node.replies.length) {
      const replies = insertInto(node.replies, comment, parentId, cap);
      if (replies) return replaceAt(list, i, { ...node, replies, size: node.size + 1 });
    }
  }
  return undefined;
}

function replaceAt(list: readonly ThreadNode[], index: number, node: ThreadNode): ThreadNode[] {
  const copy = [...list];
  copy[index] = node;
  return copy;
}

/** Each comment's id mapped to its top-level comment's. */
export function rootsOf(nodes: readonly ThreadNode[]): Map<string, string> {
  const roots = new Map<string, string>();
  for (const top of nodes) {
    const stack = [top];
    while (stack.length) {
      const node = stack.pop()!;
      roots.set(node.comment.id, top.comment.id);
      for (const reply of node.replies) stack.push(reply);
    }
  }
  return roots;
}

/** The comments whose chain of parents reaches the top within what is loaded (others wait for a later page). */
export function anchored(comments: readonly Comment[]): Comment[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const ok = new Map<string, boolean>();
  const check = (start: Comment): boolean => {
    const path = new Set<string>();
    let current: Comment | undefined = start;
    let result = false;
    while (current) {
      const known = ok.get(current.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (path.has(current.id)) break; // a cycle: not anchored
      path.add(current.id);
      if (current.parentId === null) {
        result = true;
        break;
      }
      current = byId.get(current.parentId);
    }
    for (const id of path) ok.set(id, result);
    return result;
  };
  return comments.filter(check);
}
