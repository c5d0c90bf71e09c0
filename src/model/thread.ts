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

/**
 * Oldest first, then by id. Each comment's date is parsed once into `times`: a comparator calling
 * Date.parse parses about 2·n·log n times, which at 20,000 comments is most of the build's cost.
 */
function byDate(times: Map<Comment, number>) {
  const time = (c: Comment) => {
    let t = times.get(c);
    if (t === undefined) times.set(c, (t = Date.parse(c.createdAt)));
    return t;
  };
  return (a: Comment, b: Comment) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function depthCap(maxDepth: number | undefined): number {
  const cap = Math.floor(maxDepth ?? 5);
  return Number.isFinite(cap) && cap >= 1 ? cap : 1;
}

function leaf(comment: Comment, depth: number, replies: readonly ThreadNode[] = []): ThreadNode {
  return { comment, depth, replies, size: 1 + replies.reduce((n, r) => n + r.size, 0) };
}

/** Builds the tree of `comments` (any order). Linear in the number of comments, plus sorting. */
export function buildThread(comments: readonly Comment[], options: ThreadOptions = {}): ThreadNode[] {
  const cap = depthCap(options.maxDepth);
  const byId = new Map<string, Comment>();
  for (const comment of comments) if (!byId.has(comment.id)) byId.set(comment.id, comment);

  const children = new Map<string, Comment[]>();
  const roots: Comment[] = [];
  for (const comment of byId.values()) {
    const parent = comment.parentId;
    if (parent !== null && parent !== comment.id && byId.has(parent)) {
      const list = children.get(parent);
      if (list) list.push(comment);
      else children.set(parent, [comment]);
    } else {
      roots.push(comment);
    }
  }
  const compare = byDate(new Map());
  for (const list of children.values()) list.sort(compare);

  const placed = new Set<string>();
  const kidsOf = (id: string) => (children.get(id) ?? []).filter((c) => !placed.has(c.id));

  // Everything below a node at the cap, in conversation order, as leaves of the cap level. Iterative:
  // a chain of 10,000 replies must not overflow the stack.
  const flatten = (top: Comment, depth: number): ThreadNode[] => {
    const out: ThreadNode[] = [];
    const stack = kidsOf(top.id).reverse();
    for (const c of stack) placed.add(c.id);
    while (stack.length) {
      const comment = stack.pop()!;
      const parent = byId.get(comment.parentId!)!;
      out.push({
        ...leaf(comment, depth),
        inReplyTo: { id: parent.id, name: parent.author.name },
        capAncestor: top.id,
      });
      const kids = kidsOf(comment.id);
      for (const c of kids) placed.add(c.id);
      stack.push(...kids.reverse());
    }
    return out;
  };

  // Recursion is bounded by the cap, not by the data.
  const level = (list: readonly Comment[], depth: number): ThreadNode[] => {
    const out: ThreadNode[] = [];
    for (const comment of list) {
      if (placed.has(comment.id)) continue;
      placed.add(comment.id);
      if (depth < cap) {
        out.push(leaf(comment, depth, level(kidsOf(comment.id), depth + 1)));
      } else {
        out.push(leaf(comment, depth), ...flatten(comment, depth));
      }
    }
    return out;
  };

  roots.sort(compare);
  const top = level(roots, 1);
  // What is left sits on a parent cycle: the oldest comment of each cycle becomes top-level.
  if (placed.size < byId.size) {
    const rest = [...byId.values()].filter((c) => !placed.has(c.id)).sort(compare);
    for (const comment of rest) if (!placed.has(comment.id)) top.push(...level([comment], 1));
  }
  return orderTop(top, options.order ?? 'oldest', compare);
}

/** Sorts top-level groups (a root and the cap-level replies that follow it stay together). */
function orderTop(nodes: ThreadNode[], order: ThreadOrder, compare: (a: Comment, b: Comment) => number): ThreadNode[] {
  const groups: ThreadNode[][] = [];
  for (const node of nodes) {
    if (node.capAncestor !== undefined && groups.length) groups[groups.length - 1].push(node);
    else groups.push([node]);
  }
  groups.sort((a, b) => compare(a[0].comment, b[0].comment));
  if (order === 'newest') groups.reverse();
  return groups.flat();
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
