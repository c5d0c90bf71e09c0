/**
 * One conversation from several places: the site's own backend first, then Mastodon, Bluesky,
 * Webmentions or any adapter, merged into one page.
 *   sources([wordpress({ endpoint }), { adapter: mastodon(), postId: 'https://…/@me/1131…' }, webmention()])
 * - Each source keeps its own nesting; the ids of every source but the site's are prefixed with the
 *   source's name (`mastodon:1131…`), so two services' ids cannot collide and the site's own comments keep
 *   their ids (their `#comment-ID` links, the form's replies, the visitor's pending comments).
 * - Top-level comments of all sources are ordered together by date (the thread's `order`).
 * - A reply that reached the thread twice (a Mastodon reply bridged as a Webmention) is shown once, by its
 *   permalink, from the richer source: the site, then a service's own API, then a relay such as Webmention.
 * - Each comment carries `origin`: its service and, for a read-only service, where replies to it go.
 * - One source failing, on the first page or a later one, leaves the others shown: `failures` says which,
 *   each a SourceError naming it, until that source answers again. `retryCursor` asks again only the
 *   sources that failed, each from where it failed; the others keep their place and are not asked.
 * - Paging: the cursor holds each source's own cursor; a source with nothing more drops out of it.
 */
import { CommentThreadError, isAbort } from '../model/errors.js';
import type { Comment, Draft, Page } from '../model/schemas.js';
import { checkedPages } from '../model/schemas.js';
import type { Capabilities, CommentAdapter, ListQuery, Reactions, ReactionsQuery, ReplyService, SubmitOptions } from './types.js';

/** A source: an adapter, the name its comments are badged with, and its own post id where it has one. */
export interface Source {
  adapter: CommentAdapter;
  /** `mastodon`, `bluesky`, `webmention` … Default: the first word of the adapter's `key`. */
  name?: string;
  /** This source's post (a Mastodon status URL, say); the thread's `post-id` when absent. */
  postId?: string;
}

/** A source's failure, naming it: `comment-error`'s `detail.error.source`. */
export class SourceError extends CommentThreadError {
  readonly source: string;
  /** The source's own error. */
  readonly original: CommentThreadError;
  constructor(source: string, error: CommentThreadError) {
    super(error.code, `Comments from ${source} could not be loaded: ${error.message}`, {
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.url !== undefined ? { url: error.url } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
      reason: `source-unavailable`,
      cause: error,
    });
    this.source = source;
    this.original = error;
  }
}

/** A link to answer on a read-only source ("Reply on Bluesky"). */
export interface SourceLink {
  url: string;
  service: ReplyService;
}

export interface SourcesAdapter extends CommentAdapter {
  /** The sources that failed since the first page, each until it answers again; empty when all answered. */
  readonly failures: readonly SourceError[];
  /**
   * The cursor that asks again only the sources in `failures`, each at the page where it failed (the
   * first page, or a later one), and keeps every other source's place: `list({ cursor: retryCursor })`.
   * Null when nothing failed.
   */
  readonly retryCursor: string | null;
  /** Where readers can answer on each read-only source, in source order. */
  readonly links: readonly SourceLink[];
  reactions(query: ReactionsQuery): Promise<Reactions>;
}

/** Services whose own pages take replies: a reply to one of their comments goes there. */
const REPLY_THERE = new Set(['mastodon', 'bluesky', 'github']);
/** Sources that relay what other services hold (Bridgy sends Mastodon and Bluesky replies as Webmentions). */
const RELAYS = new Set(['webmention']);

/** A permalink as compared for duplicates: no fragment, no trailing slash, host in lower case. */
function sameUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    url.hash = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** In a cursor, the key of a source to ask again at the page where it failed ('' for its first page). */
const RETRY = '!';

const nameOf = (source: Source, index: number) =>
  source.name ?? (source.adapter.key?.split(':')[0] || (index === 0 ? 'site' : `source-${index}`));

/** The composite adapter over `list`; the first source is the site's own (the form posts there). */
export function sources(list: readonly (CommentAdapter | Source)[]): SourcesAdapter {
  if (!list.length) throw new TypeError('sources() needs at least one adapter.');
  const all = list.map((item, index) => {
    const source: Source = 'adapter' in item ? item : { adapter: item };
    return { ...source, name: nameOf(source, index), site: index === 0 };
  });
  type Entry = (typeof all)[number];
  const site = all[0];
  /** Sources that failed, by name: the error, and the cursor of the page they failed on (none: the first). */
  let failed = new Map<string, { error: SourceError; cursor: string | undefined }>();
  /** Each source's cursor after the last page: where the next `list()` continues. */
  let position: Record<string, string> = {};
  /** Comments of the whole load, as `total` counts them. */
  let total: number | undefined;
  /** Permalink → the kept comment's id and rank, across the pages of one load. */
  let seen = new Map<string, { id: string; rank: number }>();
  /** Ids of dropped duplicates → the id kept, so replies to a dropped copy hang under the kept one. */
  let replaced = new Map<string, string>();

  const rank = (entry: Entry) => (entry.site ? 3 : RELAYS.has(entry.name) ? 1 : 2);

  function mapPage(entry: Entry, page: Page): Comment[] {
    const prefix = entry.site ? '' : `${entry.name}:`;
    const there = !entry.site && REPLY_THERE.has(entry.name) && !entry.adapter.capabilities.reply;
    return page.comments.map((raw) => {
      // Anything but a comment-shaped object goes on untouched: the element's page check counts it.
      const loose = raw as unknown as Partial<Comment> | null;
      if (typeof loose !== 'object' || loose === null || typeof loose.id !== 'string') return raw;
      const replyUrl = there ? raw.permalink : undefined;
      return {
        ...raw,
        id: prefix + raw.id,
        parentId: typeof raw.parentId === 'string' ? prefix + raw.parentId : raw.parentId,
        origin: { service: entry.name, ...(entry.site ? { site: true } : {}), ...(replyUrl ? { replyUrl } : {}) },
      };
    });
  }

  /** Drops the second copy of a comment that came from two sources, keeping the richer one. */
  function dedupe(comments: { comment: Comment; rank: number }[]): Comment[] {
    const order = [...comments].sort((a, b) => b.rank - a.rank);
    const dropped = new Set<Comment>();
    for (const { comment, rank: r } of order) {
      const key = sameUrl(comment.permalink);
      if (!key) continue;
      const kept = seen.get(key);
      if (kept && kept.id !== comment.id && kept.rank >= r) {
        dropped.add(comment);
        replaced.set(comment.id, kept.id);
      } else if (!kept) seen.set(key, { id: comment.id, rank: r });
    }
    return comments
      .filter(({ comment }) => !dropped.has(comment))
      .map(({ comment }) => {
        const parent = comment.parentId !== null ? replaced.get(comment.parentId) : undefined;
        return parent ? { ...comment, parentId: parent } : comment;
      });
  }

  const adapter: SourcesAdapter = {
    get capabilities(): Capabilities {
      // The form is the site's; every source's reply link is listed under the thread (`links`).
      const { replyLink: _ignored, ...own } = site.adapter.capabilities;
      return own;
    },
    get key() {
      return site.adapter.key;
    },
    get failures() {
      return [...failed.values()].map((f) => f.error);
    },
    get retryCursor() {
      if (!failed.size) return null;
      const retry = Object.fromEntries([...failed].map(([name, f]) => [RETRY + name, f.cursor ?? '']));
      return JSON.stringify({ ...position, ...retry });
    },
    get links() {
      return all.flatMap((e) => (e.adapter.capabilities.replyLink ? [e.adapter.capabilities.replyLink] : []));
    },

    async list(query: ListQuery): Promise<Page> {
      let cursors: Record<string, string> | undefined;
      if (query.cursor) {
        try {
          cursors = JSON.parse(query.cursor) as Record<string, string>;
        } catch {
          throw new CommentThreadError('invalid-response', 'Not a cursor of sources().', { reason: 'cursor' });
        }
      }
      // A retry asks only the sources marked in the cursor; the others keep their place, unasked.
      const retrying = !!cursors && Object.keys(cursors).some((key) => key.startsWith(RETRY));
      const cursorOf = (e: Entry): string | undefined =>
        (retrying ? cursors?.[RETRY + e.name] : cursors?.[e.name]) || undefined;
      const asked = !cursors
        ? all
        : all.filter((e) => typeof cursors[retrying ? RETRY + e.name : e.name] === 'string');
      const settled = await Promise.allSettled(
        asked.map((e) => e.adapter.list({ ...query, postId: e.postId ?? query.postId, cursor: cursorOf(e) })),
      );
      if (query.signal.aborted) throw new CommentThreadError('aborted', 'The request was cancelled.');
      if (!cursors) {
        seen = new Map();
        replaced = new Map();
        failed = new Map();
        total = 0;
      }
      const merged: { comment: Comment; rank: number }[] = [];
      // Sources not asked (a retry of another) keep their place.
      const next: Record<string, string> = retrying
        ? Object.fromEntries(Object.entries(cursors!).filter(([key]) => !key.startsWith(RETRY)))
        : {};
      let firstPages = 0;
      settled.forEach((result, i) => {
        const entry = asked[i];
        const from = cursorOf(entry);
        if (result.status === 'rejected') {
          if (isAbort(result.reason) || (result.reason as { code?: unknown })?.code === 'aborted') return;
          failed.set(entry.name, { error: new SourceError(entry.name, CommentThreadError.from(result.reason)), cursor: from });
          return;
        }
        failed.delete(entry.name);
        const page = result.value;
        for (const comment of mapPage(entry, page)) merged.push({ comment, rank: rank(entry) });
        if (page.cursor) next[entry.name] = page.cursor;
        // A first page counts towards the total: the load's own, or a retried source's first answer.
        if (from === undefined) {
          firstPages++;
          total = total === undefined ? undefined : total + (page.total ?? page.comments.length);
        }
      });
      // Nothing to show at all: the thread's own error state says why (the site's reason first). A later
      // page or a retry that fails leaves what is shown, and the notes name the sources.
      if (!cursors && failed.size === asked.length && asked.length) throw [...failed.values()][0].error.original;
      const comments = dedupe(merged);
      const newest = query.order === 'newest';
      comments.sort((a, b) => (Date.parse(a.createdAt) - Date.parse(b.createdAt)) * (newest ? -1 : 1));
      position = next;
      const page: Page = { comments, cursor: Object.keys(next).length ? JSON.stringify(next) : null };
      if (firstPages && total !== undefined) {
        total -= merged.length - comments.length;
        page.total = total;
      }
      // Each source's page was checked by its own adapter; re-mapping keeps them valid.
      if (settled.every((r) => r.status === 'rejected' || checkedPages.has(r.value))) checkedPages.add(page);
      return page;
    },

    async reactions(query: ReactionsQuery): Promise<Reactions> {
      const withReactions = all.filter((e) => typeof e.adapter.reactions === 'function');
      const settled = await Promise.allSettled(
        withReactions.map((e) => e.adapter.reactions!({ ...query, postId: e.postId ?? query.postId })),
      );
      const got = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (!got.length && settled.length) throw CommentThreadError.from((settled[0] as PromiseRejectedResult).reason);
      return {
        likes: got.reduce((sum, r) => sum + r.likes, 0),
        reposts: got.reduce((sum, r) => sum + r.reposts, 0),
        people: got.flatMap((r) => r.people),
      };
    },
  };
  const submit = site.adapter.submit?.bind(site.adapter);
  if (submit) {
    adapter.submit = async (draft: Draft, options: SubmitOptions) => {
      if (draft.parentId !== null && all.some((e) => !e.site && draft.parentId!.startsWith(`${e.name}:`))) {
        throw new CommentThreadError('rejected', 'Replies to another service’s comments are written there.', {
          reason: 'invalid-post',
        });
      }
      const comment = await submit(draft, options);
      return { ...comment, origin: { service: site.name, site: true } };
    };
  }
  if (site.adapter.count) adapter.count = site.adapter.count.bind(site.adapter);
  return adapter;
}
