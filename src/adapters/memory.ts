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
import { memoryLatency } from './memory-latency.js';
import {
  readWrite,
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

  const capabilities: Capabilities = readWrite(options.capabilities);

  return {
    capabilities,
    key: `memory:${options.storageKey ?? ''}`,

    async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
      await seedFile(postId, signal);
      await wait(signal);
      const visible = postList(postId)
        .map((s) => s.comment)
        .filter((c) => c.status === 'approved');
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
      if (again) return again.comment;
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
        body: { format: 'text', value: draft.content },
        status: held ? 'pending' : 'approved',
      };
      list.push({ comment, email, ...(idempotencyKey ? { key: idempotencyKey } : {}) });
      save();
      return comment;
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
    moderation: moderation && MODERATION.includes(moderation) ? moderation : 'off',
    ...(endpoint ? { seedUrl: endpoint } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
};
