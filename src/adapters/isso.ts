/**
 * Isso (https://isso-comments.de), read and write, anonymous by default.
 *   GET  {endpoint}/?uri=…&sort=oldest|newest[&limit=…&offset=…]  roots, each with its `replies`
 *   POST {endpoint}/new?uri=…  { text, author, email, website, parent, title, notification }  201 published, 202 held
 *   POST {endpoint}/id/{id}/like → { likes, dislikes }   (one vote per address: Isso has no "unlike")
 *   PUT | DELETE {endpoint}/id/{id}  with the cookie Isso set on its own domain at creation, for 15 minutes
 * Shapes from isso-comments/isso isso/views/comments.py (fetch, new, FIELDS, public_conf). Isso keeps two
 * levels: it stores a reply to a reply under that reply's root, so `maxDepth` is 2.
 */
import * as z from 'zod/mini';
import { anything, count, type Comment, type Draft, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, httpError, resolveUrl } from './http.js';
import { decodeEntities } from './entities.js';
import { errorPageText, getJson, httpUrl } from './http-helpers.js';
import { ownTokens } from './own-tokens.js';
import type { ActionOptions, BackendFactory, Capabilities, CommentAdapter, CountOptions, Counts, ListQuery, SubmitOptions } from './types.js';

export interface IssoOptions {
  /** Where Isso is mounted, as given to Isso's own client in `data-isso`. */
  endpoint: string;
  /** Top-level comments per page, each with all its replies; all at once when absent. */
  pageSize?: number;
  /** Title for a thread's first comment; Isso otherwise fetches the page to read it, and fails when it cannot. */
  title?: string;
  /** The page's address, against which a relative `endpoint` resolves. Default: the page's. */
  baseUrl?: string;
  capabilities?: Partial<Capabilities>;
  /** Seconds Isso lets an author edit or delete (its `[general] max-age`); 900 by default, as Isso's. */
  editableFor?: number;
  fetch?: typeof fetch;
}

const IssoComment = z.object({
  id: z.number(),
  parent: z.nullable(z.number()),
  /** Rendered from markdown and cleaned by Isso (bleach). */
  text: z.string(),
  /** HTML-escaped by Isso on input; null for anonymous comments and deleted ones. */
  author: z.nullable(z.string()),
  website: z.optional(z.nullable(z.string())),
  /** 1 published, 2 held, 4 deleted but kept because it has replies. */
  mode: z.number(),
  /** Seconds since the epoch, with a fraction. */
  created: z.number(),
  likes: z.optional(z.number()),
  gravatar_image: z.optional(z.string()),
});
type IssoComment = z.infer<typeof IssoComment>;

const Config = z.object({
  'require-email': z.optional(z.boolean()),
  'require-author': z.optional(z.boolean()),
  'website-field': z.optional(z.boolean()),
  'reply-notifications': z.optional(z.boolean()),
});
const Votes = z.object({ likes: z.number() });

const Thread = z.object({
  total_replies: z.number(),
  hidden_replies: z.number(),
  replies: z.array(z.object({ ...IssoComment.shape, replies: z.optional(z.array(IssoComment)) })),
  config: z.optional(Config),
});

// Isso's refusals (views/comments.py verify, db/spam.py guard) name a reason in English: the normalized
// reasons of the ones a reader can act on.
const REFUSALS: [RegExp, string][] = [
  [/ratelimit exceeded/i, 'rate-limited'],
  [/direct responses/i, 'flood'],
  [/edit time frame/i, 'reply-to-self'],
  [/email address required/i, 'email-required'],
  [/author address required/i, 'author-required'],
  [/too short/i, 'content-invalid'],
  [/too long/i, 'content-invalid'],
  [/website/i, 'url-invalid'],
  [/CSRF/i, 'csrf'],
];

/**
 * Isso's reason for an error: validation failures are werkzeug's HTML pages (the reason in a paragraph);
 * raised ones (the guard's 403s) are `{ "message": "403 Forbidden: reason" }` to a client that accepts
 * JSON, as this one does (isso/__init__.py error_handler, Isso 0.13+).
 */
function reasonOf(body: string): string {
  try {
    const { message } = JSON.parse(body) as { message?: unknown };
    if (typeof message === 'string') return message.replace(/^\d{3} [\w ]+: /, '');
  } catch {
    // not JSON: an HTML page
  }
  return errorPageText(body) ?? '';
}

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  if (response.status !== 400 && response.status !== 403) return httpError(response, url);
  const said = reasonOf(await response.text().catch(() => ''));
  const known = REFUSALS.find(([pattern]) => pattern.test(said));
  return new CommentThreadError(
    'rejected',
    `Isso at ${url} refused the request (${response.status})${said ? `: ${said}` : ''}`,
    {
      status: response.status,
      reason: known?.[1] ?? (response.status === 403 ? 'forbidden' : 'invalid'),
      url,
      ...(said ? { serverMessage: said } : {}),
    },
  );
}

function mapComment(raw: IssoComment): Comment {
  const url = httpUrl(raw.website ? decodeEntities(raw.website) : undefined);
  const avatarUrl = httpUrl(raw.gravatar_image);
  return {
    id: String(raw.id),
    parentId: raw.parent === null ? null : String(raw.parent),
    author: {
      name: raw.author ? decodeEntities(raw.author) : 'Anonymous',
      ...(url ? { url } : {}),
      ...(avatarUrl ? { avatarUrl } : {}),
    },
    createdAt: new Date(raw.created * 1000).toISOString(),
    body: { format: 'html', value: raw.text },
    status: raw.mode === 2 ? 'pending' : 'approved',
    ...(raw.likes !== undefined ? { likes: raw.likes } : {}),
  };
}

export function isso(options: IssoOptions): CommentAdapter {
  const common = { ...(options.fetch ? { fetch: options.fetch } : {}), failure };
  const editableFor = options.editableFor ?? 900;
  const capabilities: Capabilities = {
    post: true,
    reply: true,
    fields: { name: 'optional', email: 'optional', url: true },
    maxDepth: 2,
    likes: true,
    // The cookie proving authorship lives on Isso's domain: sent only with credentials, and lost where
    // the browser blocks third-party cookies (the server then refuses, and the element says so).
    edit: { editableFor },
    delete: { editableFor },
    bodyFormat: 'markdown',
    ...options.capabilities,
  };
  const key = `isso:${resolveUrl(options.endpoint, '', options.baseUrl).href}`;
  // Which comments this browser wrote, while Isso's cookie for them lasts: the cookie itself is Isso's.
  const own = (postId: string) => ownTokens(key, postId);
  const idUrl = (id: string, tail = '') => resolveUrl(options.endpoint, `id/${encodeURIComponent(id)}${tail}`, options.baseUrl).href;
  // The server's own settings, learnt from each list, decide which fields are required.
  const learn = (config: z.infer<typeof Config> | undefined) => {
    if (!config || options.capabilities?.fields) return;
    capabilities.fields = {
      name: config['require-author'] ? 'required' : 'optional',
      email: config['require-email'] ? 'required' : 'optional',
      url: config['website-field'] ?? true,
    };
    if (config['reply-notifications'] !== undefined && options.capabilities?.notify === undefined) capabilities.notify = config['reply-notifications'];
  };

  return checkedAdapter(
    {
      capabilities,
      key,

      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        const url = resolveUrl(options.endpoint, '', options.baseUrl);
        const offset = Math.max(0, Number(cursor) || 0);
        url.searchParams.set('uri', postId);
        url.searchParams.set('sort', order);
        if (options.pageSize) {
          url.searchParams.set('limit', String(options.pageSize));
          url.searchParams.set('offset', String(offset));
        }
        const { data } = await getJson(url.href, Thread, { ...common, signal });
        learn(data.config);
        const comments: Comment[] = [];
        const mine = own(postId);
        const toComment = (raw: IssoComment) => ({ ...mapComment(raw), ...(mine.get(String(raw.id)) ? { own: true } : {}) });
        for (const root of data.replies) {
          // A deleted comment stays only while it has replies, with no author or text: keep the replies.
          if (root.mode !== 4) comments.push(toComment(root));
          for (const reply of root.replies ?? []) {
            if (reply.mode === 4) continue;
            comments.push(root.mode === 4 ? { ...toComment(reply), parentId: null } : toComment(reply));
          }
        }
        const next = offset + data.replies.length;
        return {
          comments,
          total: data.total_replies,
          cursor: options.pageSize && data.hidden_replies > 0 && data.replies.length > 0 ? String(next) : null,
        };
      },

      // `POST /count` with the uris as a JSON array: their counts, in order.
      async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
        const url = resolveUrl(options.endpoint, 'count', options.baseUrl).href;
        const { data } = await getJson(url, z.array(count()), { ...common, method: 'POST', signal, json: postIds });
        return Object.fromEntries(postIds.flatMap((postId, i) => (data[i] === undefined ? [] : [[postId, data[i]]])));
      },

      async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
        const url = resolveUrl(options.endpoint, 'new', options.baseUrl);
        url.searchParams.set('uri', draft.postId);
        const title = options.title ?? '';
        const { data } = await getJson(url.href, IssoComment, {
          ...common,
          method: 'POST',
          signal,
          // Isso refuses any other content type as a cross-site request.
          json: {
            text: draft.content,
            author: draft.author.name || null,
            email: draft.author.email || null,
            website: draft.author.url || null,
            parent: draft.parentId === null ? null : Number(draft.parentId),
            ...(title ? { title } : {}),
            // Isso emails the commenter about replies only when asked (`reply-notifications` on the server).
            ...(draft.notify ? { notification: 1 } : {}),
          },
          // Isso answers with the cookie that lets this visitor edit or delete: kept on its domain.
          credentials: 'include',
        });
        own(draft.postId).set(String(data.id), 'cookie', data.created * 1000 + editableFor * 1000);
        return { ...mapComment(data), own: true };
      },

      async like(id: string, { signal }: ActionOptions): Promise<number> {
        const { data } = await getJson(idUrl(id, '/like'), Votes, { ...common, method: 'POST', signal, json: {} });
        return data.likes;
      },

      async update(id: string, draft: Draft, { postId, signal }: ActionOptions): Promise<Comment> {
        const { data } = await getJson(idUrl(id), IssoComment, { ...common, method: 'PUT', signal, credentials: 'include', json: { text: draft.content } });
        return { ...mapComment(data), own: own(postId).get(id) !== undefined };
      },

      async remove(id: string, { postId, signal }: ActionOptions): Promise<void> {
        // Isso answers null for a comment gone, or the comment kept (mode 4) because it has replies.
        await getJson(idUrl(id), anything(), { ...common, method: 'DELETE', signal, credentials: 'include' });
        own(postId).delete(id);
      },
    },
    options.endpoint,
  );
}

/** `backend="isso" endpoint="https://comments.example.org" post-id="/2012/01/post/"` (the page's path). */
export const backend: BackendFactory = ({ endpoint, pageTitle, baseUrl }) =>
  isso({ endpoint: endpoint ?? '', ...(pageTitle ? { title: pageTitle } : {}), ...(baseUrl ? { baseUrl } : {}) });
