/**
 * The embedded default: comments kept in memory, optionally persisted in localStorage, with WordPress's
 * moderation rules to choose from so "awaiting moderation" can be shown without a server. Without a rule
 * it publishes at once: nobody would ever approve a held comment in a reader's own browser.
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import { CommentSchema, type Comment, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { readCommentsFile } from './comments-file.js';
import { loadLikes, saveLikes } from './memory-likes.js';
import { memoryLatency } from './memory-latency.js';
import { newToken, ownTokens } from './own-tokens.js';
import {
  readWrite,
  type ActionOptions,
  type BodyFormat,
  type BackendFactory,
  type Capabilities,
  type CommentAdapter,
  type CountOptions,
  type Counts,
  type ListQuery,
  type SubmitOptions,
} from './types.js';

/** `off`: every comment is published. `all`: every comment is held. `first-time`: WordPress's default,
 * a name and email with no approved comment yet is held. */
export type Moderation = 'off' | 'all' | 'first-time';

export interface MemoryOptions {
  /** Seed comments: one list for every post, or lists by post id. */
  comments?: readonly Comment[] | Readonly<Record<string, readonly Comment[]>>;
  /** Or a JSON file to seed from (the static JSON backend's format; `{postId}` is replaced), fetched on first use. */
  seedUrl?: string;
  /** The page's address, against which a relative `seedUrl` resolves. Default: the page's. */
  baseUrl?: string;
  /** Persist what is posted in localStorage under this key (the seed is not stored). */
  storageKey?: string;
  /** Which comments wait for a moderator; `off` (publish at once) when absent. */
  moderation?: Moderation;
  /** Top-level comments per page, with all their replies; all at once when absent. */
  pageSize?: number;
  /** Seconds an author may edit or delete their own comment (the token is kept that long). Default 900. */
  editableFor?: number;
  /** `markdown`: comments are written in Markdown and stored rendered; `text` when absent. */
  bodyFormat?: BodyFormat;
  /** Offer "Notify me of follow-up comments" (kept with the comment; no mail is sent). Default false. */
  notify?: boolean;
  capabilities?: Partial<Capabilities>;
}

interface Stored {
  comment: Comment;
  email: string;
  /** The idempotency key it was posted with: the same key again gets this comment back. */
  key?: string;
}

const StoredSchema = z.array(
  z.object({ postId: z.string(), comment: CommentSchema, email: z.string(), key: z.optional(z.string()) }),
);

export function memory(options: MemoryOptions = {}): CommentAdapter {
  const posts = new Map<string, Stored[]>();
  const seed = options.comments;
  const seedFor = (postId: string): readonly Comment[] =>
    !seed
      ? []
      : Array.isArray(seed)
        ? (seed as readonly Comment[])
        : ((seed as Record<string, readonly Comment[]>)[postId] ?? []);
  const seeded = new Map<string, Promise<void>>();
  /** Fetches a post's seed file once, before its first list or submit. */
  const seedFile = (postId: string, signal: AbortSignal): Promise<void> => {
    if (!options.seedUrl || posts.has(postId)) return Promise.resolve();
    let loading = seeded.get(postId);
    if (!loading) {
      loading = readCommentsFile(options.seedUrl, postId, signal, options).then((file) => {
        // This backend pages and sorts the seed itself, so it keeps only comments of the model's shape.
        postList(postId, file.comments.filter((comment) => CommentSchema.safeParse(comment).success));
      });
      loading.catch(() => seeded.delete(postId));
      seeded.set(postId, loading);
    }
    return loading;
  };

  const load = (): ({ postId: string } & Stored)[] => {
    if (!options.storageKey) return [];
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(localStorage.getItem(options.storageKey) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  const save = () => {
    if (!options.storageKey) return;
    const added = [...posts].flatMap(([postId, list]) =>
      list.filter((s) => s.email !== '\u0000seed').map((s) => ({ postId, ...s })),
    );
    try {
      localStorage.setItem(options.storageKey, JSON.stringify(added));
    } catch {
      // Storage full or blocked: the comment still exists for this page view.
    }
  };
  const postList = (postId: string, fromFile: readonly Comment[] = []): Stored[] => {
    let list = posts.get(postId);
    if (!list) {
      list = [...seedFor(postId), ...fromFile].map((comment) => ({ comment, email: '\u0000seed' }));
      for (const { postId: id, ...s } of load()) if (id === postId) list.push(s);
      posts.set(postId, list);
    }
    return list;
  };
  const wait = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const fail = () => reject(new CommentThreadError('aborted', 'The request was cancelled.'));
      if (signal.aborted) return fail();
      if (!memoryLatency.ms) return resolve();
      const id = setTimeout(resolve, memoryLatency.ms);
      signal.addEventListener('abort', () => (clearTimeout(id), fail()), { once: true });
    });

  const editableFor = options.editableFor ?? 900;
  const bodyFormat = options.bodyFormat ?? 'text';
  const capabilities: Capabilities = readWrite({
    likes: true,
    edit: { editableFor },
    delete: { editableFor },
    // Nothing is mailed from a browser: the box is offered only where a page asks (`data-notify`), for a demo.
    notify: options.notify ?? false,
    bodyFormat,
    ...options.capabilities,
  });
  const key = `memory:${options.storageKey ?? ''}`;
  const tokens = (postId: string) => ownTokens(key, postId);
  // Like counts, seed comments' included, kept apart from the comments (which keep only what was posted).
  const likesKey = options.storageKey && `${options.storageKey}:likes`;
  const likeCounts = new Map<string, number>(Object.entries(loadLikes(likesKey)));
  /** A body as stored: Markdown is rendered here, as a server would, and kept as the source for editing. */
  const bodyOf = async (content: string): Promise<Pick<Comment, 'body' | 'source'>> =>
    bodyFormat === 'markdown'
      ? { body: { format: 'html', value: (await import('../markdown.js')).renderMarkdown(content) }, source: content }
      : { body: { format: 'text', value: content } };
  /** The visitor's own comment `id`, or a refusal: no token (never theirs, or the window closed). */
  const mine = (id: string, postId: string): Stored => {
    const stored = postList(postId).find((s) => s.comment.id === id);
    if (!stored || !tokens(postId).get(id)) {
      throw new CommentThreadError('rejected', 'Only the author may change this comment, and only for a while.', { status: 403, reason: 'not-allowed' });
    }
    return stored;
  };
  const setLikes = async (id: string, { postId, signal }: ActionOptions, by: number): Promise<number> => {
    await seedFile(postId, signal);
    await wait(signal);
    const stored = postList(postId).find((s) => s.comment.id === id);
    if (!stored) throw new CommentThreadError('rejected', 'No such comment.', { status: 404, reason: 'not-found' });
    const count = Math.max(0, (likeCounts.get(id) ?? stored.comment.likes ?? 0) + by);
    likeCounts.set(id, count);
    if (likesKey) saveLikes(likesKey, likeCounts);
    return count;
  };

  return {
    capabilities,
    key,

    async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
      await seedFile(postId, signal);
      await wait(signal);
      // The visitor's open windows, read once for the page rather than once a comment.
      const own = tokens(postId).ids();
      const visible = postList(postId)
        .map((s) => s.comment)
        .filter((c) => c.status === 'approved')
        .map((c) => {
          const likes = likeCounts.get(c.id);
          const mine = own.has(c.id);
          return mine || likes !== undefined ? { ...c, ...(mine ? { own: true } : {}), ...(likes !== undefined ? { likes } : {}) } : c;
        });
      const ids = new Set(visible.map((c) => c.id));
      const roots = visible
        .filter((c) => c.parentId === null || !ids.has(c.parentId))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
      if (order === 'newest') roots.reverse();
      const start = Number(cursor ?? 0) || 0;
      const size = options.pageSize ?? roots.length;
      const pageRoots = roots.slice(start, start + size);
      const children = new Map<string, Comment[]>();
      for (const c of visible)
        if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
      const comments: Comment[] = [];
      const stack = [...pageRoots];
      const seen = new Set<string>();
      while (stack.length) {
        const c = stack.pop()!;
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        comments.push(c);
        stack.push(...(children.get(c.id) ?? []));
      }
      const next = start + size;
      return { comments, total: visible.length, cursor: next < roots.length ? String(next) : null };
    },

    async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
      await Promise.all(postIds.map((postId) => seedFile(postId, signal)));
      await wait(signal);
      return Object.fromEntries(postIds.map((postId) => [postId, postList(postId).filter((s) => s.comment.status === 'approved').length]));
    },

    async submit(draft: Draft, { signal, idempotencyKey }: SubmitOptions): Promise<Comment> {
      await seedFile(draft.postId, signal);
      await wait(signal);
      const list = postList(draft.postId);
      // A draft sent again (its answer lost on the way) is answered as the first time, before the
      // duplicate check, which would otherwise refuse the visitor's own comment.
      const again = idempotencyKey && list.find((s) => s.key === idempotencyKey);
      if (again) return { ...again.comment, own: true };
      const email = draft.author.email.trim().toLowerCase();
      const duplicate = list.some(
        (s) =>
          s.comment.parentId === draft.parentId &&
          s.comment.body.value === draft.content &&
          s.comment.author.name === draft.author.name &&
          s.email === email,
      );
      if (duplicate) {
        throw new CommentThreadError('rejected', 'The memory backend already holds this comment from this author.', {
          status: 409,
          reason: 'duplicate',
        });
      }
      const known = list.some(
        (s) => s.email === email && s.comment.status === 'approved' && s.comment.author.name === draft.author.name,
      );
      const held = options.moderation === 'all' || (options.moderation === 'first-time' && !known);
      const comment: Comment = {
        id: `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
        parentId: draft.parentId,
        author: { name: draft.author.name, ...(draft.author.url ? { url: draft.author.url } : {}) },
        createdAt: new Date().toISOString(),
        ...(await bodyOf(draft.content)),
        status: held ? 'pending' : 'approved',
      };
      list.push({ comment, email, ...(idempotencyKey ? { key: idempotencyKey } : {}) });
      save();
      tokens(draft.postId).set(comment.id, newToken(), Date.parse(comment.createdAt) + editableFor * 1000);
      return { ...comment, own: true };
    },

    like: (id, options) => setLikes(id, options, 1),
    unlike: (id, options) => setLikes(id, options, -1),

    async update(id: string, draft: Draft, { postId, signal }: ActionOptions): Promise<Comment> {
      await seedFile(postId, signal);
      await wait(signal);
      const stored = mine(id, postId);
      stored.comment = { ...stored.comment, ...(await bodyOf(draft.content)) };
      save();
      return { ...stored.comment, own: true };
    },

    async remove(id: string, { postId, signal }: ActionOptions): Promise<void> {
      await seedFile(postId, signal);
      await wait(signal);
      const stored = mine(id, postId);
      const list = postList(postId);
      // A comment with replies stays as a placeholder, as WordPress and Isso keep it, so they keep their place.
      if (list.some((s) => s.comment.parentId === id)) {
        stored.comment = { ...stored.comment, author: { name: '' }, body: { format: 'text', value: '' }, deleted: true };
        delete stored.comment.source;
      } else list.splice(list.indexOf(stored), 1);
      tokens(postId).delete(id);
      save();
    },
  };
}

const MODERATION: readonly Moderation[] = ['off', 'all', 'first-time'];

let told = false;

/**
 * `backend="memory"`: comments kept in this browser only, seeded from the JSON file at `endpoint` when
 * given. Comments are published at once unless `data-moderation="all|first-time"` on the element picks a
 * moderation rule (`off` says so explicitly). Says once per page, in the console, where comments go.
 */
export const backend: BackendFactory = ({ endpoint, settings, baseUrl }) => {
  const moderation = settings?.moderation as Moderation | undefined;
  if (!told) {
    told = true;
    console.info(
      'comment-thread: backend="memory" keeps comments in this browser only (localStorage); nobody else sees them. ' +
        'Set the backend attribute to a real comment server to publish comments.',
    );
  }
  return memory({
    storageKey: `comment-thread:memory:${endpoint ?? ''}`,
    ...(settings?.bodyFormat === 'markdown' ? { bodyFormat: 'markdown' as const } : {}),
    ...(settings?.notify !== undefined ? { notify: true } : {}),
    moderation: moderation && MODERATION.includes(moderation) ? moderation : 'off',
    ...(endpoint ? { seedUrl: endpoint } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
};
