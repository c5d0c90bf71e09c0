/**
 * Waline (https://waline.js.org), read and write, anonymous where the server allows it.
 *   GET  {endpoint}/api/comment?path=…&page=N&pageSize=…&sortBy=insertedAt_asc   roots, each with `children`
 *   POST {endpoint}/api/comment?lang=…  { url, comment, nick, mail, link, ua, pid, rid, at }
 *   PUT  {endpoint}/api/comment/:id { like }      anonymous
 *   PUT  {endpoint}/api/comment/:id { comment }   DELETE {endpoint}/api/comment/:id   the author's token
 *   GET  {endpoint}/api/token                      who the token names
 * Shapes from walinejs/waline packages/server/src/controller/comment.js (formatCmt, getCommentList,
 * postAction, putAction, deleteAction), src/controller/token.js, src/logic/comment.js (who may change a
 * comment: its author, by `user_id`, or an administrator) and thinkjs's context.success/fail envelope
 * `{ errno, errmsg, data }`.
 */
import * as z from 'zod/mini';
import { anything, count, either, type Comment, type Draft, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, httpError, parse, resolveUrl } from './http.js';
import { errorBody, getJson, httpUrl, type JsonRequestOptions } from './http-helpers.js';
import {
  readWrite,
  type ActionOptions,
  type BackendFactory,
  type Capabilities,
  type CommentAdapter,
  type CountOptions,
  type Counts,
  type ListQuery,
  type SubmitOptions,
} from './types.js';

export interface WalineOptions {
  /** The Waline server, as given to Waline's own client as `serverURL`. */
  endpoint: string;
  /** Servers before @waline/vercel 2 (2023): routes without `/api/`, no `{ errno, data }` envelope. */
  legacy?: boolean;
  /** Top-level comments per page, each with all its replies (Waline allows 1–100). Default 10. */
  pageSize?: number;
  /** Language of the server's error messages (`en`, `zh-CN`, …). Default `en`. */
  lang?: string;
  /**
   * A Waline login token (`Authorization: Bearer`, the `token` of Waline's `POST /api/token` answer): the
   * visitor then posts as that user ("Logged in as NAME"), sees their own pending comments, and may edit
   * and delete the comments they wrote while signed in.
   */
  token?: string;
  /** Sent as `ua` with a comment (Waline shows the commenter's browser and system); empty when absent. */
  userAgent?: string;
  /** The page's address, against which a relative `endpoint` resolves. Default: the page's. */
  baseUrl?: string;
  capabilities?: Partial<Capabilities>;
  fetch?: typeof fetch;
}

// SQL storages give numeric ids, LeanCloud and MongoDB strings.
const Id = z.custom<string | number>((value) => typeof value === 'string' || typeof value === 'number');

const WalineComment = z.object({
  objectId: Id,
  nick: z.optional(z.nullable(z.string())),
  link: z.optional(z.nullable(z.string())),
  avatar: z.optional(z.nullable(z.string())),
  comment: z.string(),
  /** Epoch ms (current API); the legacy API sends `insertedAt` instead. */
  time: z.optional(z.number()),
  insertedAt: z.optional(z.string()),
  like: z.optional(z.nullable(z.number())),
  status: z.optional(z.string()),
  type: z.optional(z.nullable(z.string())),
  pid: z.optional(z.nullable(Id)),
  rid: z.optional(z.nullable(Id)),
  /** The registered user who wrote it, for comments posted signed in. */
  user_id: z.optional(z.nullable(Id)),
  /** The Markdown as written: sent to signed-in viewers. */
  orig: z.optional(z.nullable(z.string())),
});
type WalineComment = z.infer<typeof WalineComment>;

// The answer to an edit is the updated row as SQL storages keep it (`id`, not `objectId`: their update
// does not rename it as their select does), so its id may be missing: it is the one edited.
const EditedComment = z.object({ ...WalineComment.shape, objectId: z.optional(Id) });

const ListData = z.object({
  page: z.number(),
  totalPages: z.number(),
  count: z.number(),
  data: z.array(z.object({ ...WalineComment.shape, children: z.optional(z.array(WalineComment)) })),
});

/** `GET /api/token`: the user the token names; an empty object (or nothing) when it names nobody. */
const TokenUser = z.nullish(
  z.object({ objectId: z.optional(Id), display_name: z.optional(z.nullable(z.string())) }),
);

/** `errmsg` is a string, or for validation failures an object keyed by field. */
const CountData = either(count(), z.array(count()));

const Envelope = z.object({
  errno: z.number(),
  errmsg: z.optional(
    z.custom<string | Record<string, unknown>>(
      (value) => typeof value === 'string' || (typeof value === 'object' && value !== null),
    ),
  ),
  data: z.optional(anything()),
});

function envelopeMessage(errmsg: z.infer<typeof Envelope>['errmsg']): string {
  if (typeof errmsg === 'string') return errmsg;
  return Object.values(errmsg ?? {})
    .map(String)
    .join(' ');
}

// Waline's wording for its two business refusals (controller/comment.js), in every language of its
// src/locales/*.json, since `lang` picks the language of the message.
const REASONS: [RegExp, string][] = [
  [/duplica|doppelt|dupliqu|重複|중복|дублир|trùng lặp|之前已[经經][发發]过|之前已經發過/i, 'duplicate'],
  [
    /too fast|zu schnell|muy rápido|trop rapidement|troppo velocemente|速すぎ|너무 빠릅|rápido demais|слишком быстр|quá nhanh|太快/i,
    'flood',
  ],
];

function rejected(errno: number, errmsg: z.infer<typeof Envelope>['errmsg'], url: string): CommentThreadError {
  const said = envelopeMessage(errmsg).trim();
  const reason =
    REASONS.find(([pattern]) => pattern.test(said))?.[1] ?? (errno === 1001 ? 'content-invalid' : String(errno));
  return new CommentThreadError('rejected', `Waline at ${url} refused the comment (errno ${errno})${said ? `: ${said}` : ''}`, {
    reason,
    url,
    ...(said ? { serverMessage: said } : {}),
  });
}

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  const body = Envelope.safeParse(await errorBody(response, url));
  const given = body.success ? envelopeMessage(body.data.errmsg) : '';
  if (response.status === 401) {
    return new CommentThreadError('rejected', `This Waline server asks commenters to log in (${url}).`, {
      status: 401,
      reason: 'login-required',
      url,
      ...(given ? { serverMessage: given } : {}),
    });
  }
  if (response.status === 403) {
    // Waline answers a bare 403 for a Referer outside SECURE_DOMAINS, a missing Turnstile/reCAPTCHA
    // token, or a blocked IP; it does not say which.
    return new CommentThreadError(
      'rejected',
      `The Waline server refused this request (403): this site may be missing from its SECURE_DOMAINS, or it requires a captcha (${url}).`,
      { status: 403, reason: 'forbidden', url },
    );
  }
  return httpError(response, url, given ? `The Waline server answered ${response.status}: ${given}` : undefined);
}

/** The current API wraps every answer in an envelope, the legacy one only some: accept both. Business
 * rejections (duplicate, too fast) come as HTTP 200 with a non-zero `errno`. */
async function call<T extends z.core.$ZodType>(url: string, schema: T, init: JsonRequestOptions): Promise<z.infer<T>> {
  const { data: body } = await getJson(url, anything(), init);
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) return parse(schema, body, url);
  if (envelope.data.errno !== 0) throw rejected(envelope.data.errno, envelope.data.errmsg, url);
  return parse(schema, envelope.data.data, url);
}

const id = (value: string | number) => String(value);

/** Site owners sometimes store `example.org` without a scheme; Waline's client links it as http. */
const website = (link: string | null | undefined) =>
  httpUrl(link) ?? (link && !/^\w+:/.test(link) ? httpUrl(`http://${link}`) : undefined);

function mapComment(raw: WalineComment, parentId: string | null, userId?: string): Comment {
  const url = website(raw.link);
  const avatarUrl = httpUrl(raw.avatar);
  const created = raw.time ?? Date.parse(raw.insertedAt ?? '');
  return {
    id: id(raw.objectId),
    parentId,
    author: {
      // Waline's own client shows nameless comments as anonymous.
      name: raw.nick?.trim() || 'Anonymous',
      ...(url ? { url } : {}),
      ...(avatarUrl ? { avatarUrl } : {}),
      ...(raw.type === 'administrator' ? { isPostAuthor: true } : {}),
    },
    createdAt: new Date(Number.isFinite(created) ? created : 0).toISOString(),
    body: { format: 'html', value: raw.comment },
    status: raw.status === 'waiting' || raw.status === 'spam' ? 'pending' : 'approved',
    ...(typeof raw.like === 'number' ? { likes: raw.like } : {}),
    ...(typeof raw.orig === 'string' ? { source: raw.orig } : {}),
    ...(userId !== undefined && raw.user_id != null && id(raw.user_id) === userId ? { own: true } : {}),
  };
}

export function waline(options: WalineOptions): CommentAdapter {
  const api = options.legacy ? '' : 'api/';
  const lang = options.lang ?? 'en';
  const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 10));
  const common = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { headers: { Authorization: `Bearer ${options.token}` } } : {}),
    failure,
  };
  // Replying needs the root of the comment replied to (`rid`) and its author (`at`): remembered from lists,
  // with ids in the type the server gave (numbers on SQL storages).
  const known = new Map<string, { pid: string | number; rid: string | number; nick: string }>();
  // Likes as last listed: Waline's answer to a like may not carry the count.
  const likes = new Map<string, number>();
  // Signed in: the author may edit and delete what they wrote as long as the token holds (Waline's own
  // client offers the same to the comment's `user_id`). Deleting takes the replies with it: Waline deletes
  // every comment whose `pid` or `rid` is the one deleted.
  const signedIn = { editableFor: 'signed-in', withReplies: true } as const;
  const capabilities: Capabilities = readWrite({
    likes: true,
    bodyFormat: 'markdown',
    ...(options.token ? { edit: signedIn, delete: signedIn } : {}),
    ...options.capabilities,
  });
  // Who the token names, asked once: until it is known, and where it names nobody, nothing is the visitor's.
  let user: Promise<{ id: string; name: string } | undefined> | undefined;
  const whoIsThere = (signal: AbortSignal) => {
    if (!options.token) return Promise.resolve(undefined);
    return (user ??= (async () => {
      const url = resolveUrl(options.endpoint, `${api}token`, options.baseUrl);
      url.searchParams.set('lang', lang);
      const data = await call(url.href, TokenUser, { ...common, signal });
      return data?.objectId === undefined ? undefined : { id: id(data.objectId), name: data.display_name?.trim() || 'Anonymous' };
    })().catch((error: unknown) => {
      // Asked again with the next list: a network failure is no proof of being signed out.
      user = undefined;
      if (error instanceof CommentThreadError && error.code === 'aborted') throw error;
      return undefined;
    }));
  };
  /** What a signed-in visitor may do, once the server said who they are. */
  const learn = (who: { id: string; name: string } | undefined) => {
    if (!options.token) return;
    if (who) {
      if (!options.capabilities?.identity) capabilities.identity = { name: who.name };
      if (!options.capabilities?.edit) capabilities.edit = signedIn;
      if (!options.capabilities?.delete) capabilities.delete = signedIn;
    } else {
      // An expired or foreign token: an anonymous visitor, with nothing to edit.
      delete capabilities.identity;
      delete capabilities.edit;
      delete capabilities.delete;
    }
  };
  const commentUrl = (commentId: string) => {
    const url = resolveUrl(options.endpoint, `${api}comment/${encodeURIComponent(commentId)}`, options.baseUrl);
    url.searchParams.set('lang', lang);
    return url.href;
  };
  // `PUT comment/:id { like }` adds or takes back one like, anonymously (Waline's own client remembers
  // who liked in the browser, as the element does).
  const like = async (commentId: string, liked: boolean, signal: AbortSignal) => {
    const answer = await call(commentUrl(commentId), z.nullish(z.object({ like: z.nullish(z.number()) })), { ...common, method: 'PUT', json: { like: liked }, signal });
    const count = answer?.like ?? Math.max(0, (likes.get(commentId) ?? 0) + (liked ? 1 : -1));
    likes.set(commentId, count);
    return count;
  };

  return checkedAdapter(
    {
      capabilities,
      like: (commentId: string, { signal }: ActionOptions) => like(commentId, true, signal),
      unlike: (commentId: string, { signal }: ActionOptions) => like(commentId, false, signal),
      key: `waline:${resolveUrl(options.endpoint, '', options.baseUrl).href}`,

      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        const url = resolveUrl(options.endpoint, `${api}comment`, options.baseUrl);
        const page = Math.max(1, Number(cursor) || 1);
        url.search = new URLSearchParams({
          path: postId,
          page: String(page),
          pageSize: String(pageSize),
          sortBy: order === 'newest' ? 'insertedAt_desc' : 'insertedAt_asc',
          lang,
        }).toString();
        const [list, who] = await Promise.all([call(url.href, ListData, { ...common, signal }), whoIsThere(signal)]);
        learn(who);
        const toComment = (raw: WalineComment, parentId: string | null) => mapComment(raw, parentId, who?.id);
        const comments: Comment[] = [];
        for (const root of list.data) {
          const rootId = id(root.objectId);
          const family = new Set([rootId, ...(root.children ?? []).map((c) => id(c.objectId))]);
          comments.push(toComment(root, null));
          for (const c of [root, ...(root.children ?? [])]) if (typeof c.like === 'number') likes.set(id(c.objectId), c.like);
          known.set(rootId, { pid: root.objectId, rid: root.objectId, nick: root.nick ?? '' });
          for (const child of root.children ?? []) {
            // `pid` is the comment really answered; Waline's own UI flattens it to the root (`rid`).
            const pid = child.pid != null ? id(child.pid) : rootId;
            comments.push(toComment(child, family.has(pid) ? pid : rootId));
            known.set(id(child.objectId), { pid: child.objectId, rid: root.objectId, nick: child.nick ?? '' });
          }
        }
        return { comments, total: list.count, cursor: list.page < list.totalPages ? String(list.page + 1) : null };
      },

      // `?type=count&url=a,b`: one number per path, in order; a bare number when one path was asked.
      async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
        const url = resolveUrl(options.endpoint, `${api}comment`, options.baseUrl);
        url.search = new URLSearchParams({ type: 'count', url: postIds.join(','), lang }).toString();
        const data = await call(url.href, CountData, { ...common, signal });
        const numbers = typeof data === 'number' ? [data] : data;
        return Object.fromEntries(postIds.flatMap((postId, i) => (numbers[i] === undefined ? [] : [[postId, numbers[i]]])));
      },

      async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
        const url = resolveUrl(options.endpoint, `${api}comment`, options.baseUrl);
        url.searchParams.set('lang', lang);
        const parent =
          draft.parentId === null
            ? undefined
            : (known.get(draft.parentId) ?? { pid: draft.parentId, rid: draft.parentId, nick: '' });
        const body = {
          url: draft.postId,
          comment: draft.content,
          nick: draft.author.name,
          mail: draft.author.email,
          link: draft.author.url ?? '',
          ua: options.userAgent ?? '',
          ...(parent ? { pid: parent.pid, rid: parent.rid, at: parent.nick } : {}),
        };
        const raw = await call(url.href, WalineComment, { ...common, method: 'POST', json: body, signal });
        const who = await whoIsThere(signal);
        const comment = mapComment(raw, draft.parentId, who?.id);
        known.set(comment.id, {
          pid: raw.objectId,
          rid: parent?.rid ?? raw.objectId,
          nick: raw.nick ?? draft.author.name,
        });
        return comment;
      },

      // Only the text changes (Waline takes `comment` and `like` from anyone but an administrator); the
      // answer is the comment as stored, rendered again.
      async update(commentId: string, draft: Draft, { signal }: ActionOptions): Promise<Comment> {
        const raw = await call(commentUrl(commentId), EditedComment, { ...common, method: 'PUT', json: { comment: draft.content }, signal });
        const who = await whoIsThere(signal);
        return mapComment({ ...raw, objectId: raw.objectId ?? commentId }, draft.parentId, who?.id);
      },

      async remove(commentId: string, { signal }: ActionOptions): Promise<void> {
        await call(commentUrl(commentId), anything(), { ...common, method: 'DELETE', signal });
        known.delete(commentId);
      },
    },
    options.endpoint,
  );
}

/** `backend="waline" endpoint="https://waline.example.org" post-id="/2012/01/post/"` (the page's path). */
export const backend: BackendFactory = ({ endpoint, baseUrl }) =>
  waline({ endpoint: endpoint ?? '', ...(baseUrl ? { baseUrl } : {}) });
