/**
 * Artalk (https://artalk.js.org), read and write, anonymous by default.
 *   GET  {endpoint}/api/v2/comments?page_key=…&site_name=…&limit=…&offset=…&sort_by=date_asc|date_desc
 *   POST {endpoint}/api/v2/comments  { name, email, link, content, rid, ua, page_key, site_name, page_title }
 * Shapes from ArtalkJS/Artalk internal/entity/comment_cooked.go, internal/dao/cook.go,
 * server/handler/comment_{list,create}.go, server/common/{captcha,resp,site}.go. The list is flat, `rid`
 * naming the real parent at any depth; errors are `{ msg, …flags }` with a real status.
 */
import * as z from 'zod/mini';
import { count, recordOf, type Comment, type Draft, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, httpError, resolveUrl } from './http.js';
import { errorBody, getJson, httpUrl } from './http-helpers.js';
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

export interface ArtalkOptions {
  /** The Artalk server, as given to Artalk's own client as `server`. */
  endpoint: string;
  /** The site's name in Artalk's admin (`site_name`), not its URL. */
  site: string;
  /**
   * The server's `timezone` setting (ATK_TIMEZONE): Artalk sends dates as wall-clock time in that zone
   * with no offset. An IANA name or `±HH:MM`; Artalk's default is Asia/Shanghai.
   */
  timeZone?: string;
  /** Top-level comments per page, each with all its replies. Default 20, Artalk's own. */
  pageSize?: number;
  /** Avatar URL for an email hash, `{hash}` replaced; Artalk's default Gravatar settings when absent. */
  avatar?: string;
  /** The page's title, stored by Artalk with a thread's first comment. */
  pageTitle?: string;
  /** Sent as `ua` with a comment (Artalk shows the commenter's browser and system); empty when absent. */
  userAgent?: string;
  /** The page's address, against which a relative `endpoint` resolves. Default: the page's. */
  baseUrl?: string;
  capabilities?: Partial<Capabilities>;
  fetch?: typeof fetch;
}

const ArtalkComment = z.object({
  id: z.number(),
  /** The comment answered; 0 for a top-level comment. */
  rid: z.number(),
  /** Rendered from the markdown in `content` and cleaned by Artalk (bluemonday); never use `content`. */
  content_marked: z.string(),
  nick: z.string(),
  link: z.optional(z.string()),
  email_encrypted: z.optional(z.string()),
  /** `YYYY-MM-DD HH:mm:ss` in the server's time zone. */
  date: z.string(),
  is_pending: z.optional(z.boolean()),
  badge_name: z.optional(z.string()),
  vote_up: z.optional(z.number()),
});
type ArtalkComment = z.infer<typeof ArtalkComment>;
const CountData = z.object({ data: recordOf(count()) });

const List = z.object({
  comments: z.array(ArtalkComment),
  count: z.number(),
  roots_count: z.number(),
});

const ErrorBody = z.object({
  msg: z.optional(z.string()),
  need_captcha: z.optional(z.boolean()),
  need_login: z.optional(z.boolean()),
  need_auth_login: z.optional(z.boolean()),
  err_no_site: z.optional(z.boolean()),
});

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  const parsed = ErrorBody.safeParse(await errorBody(response, url));
  const body = parsed.success ? parsed.data : {};
  const init = { status: response.status, url };
  // The server's own words, for the visitor, where it gave any.
  const said = body.msg ? { serverMessage: body.msg } : {};
  if (body.need_captcha) {
    // Artalk asks for a captcha once an address passes `captcha.action_limit` actions (3 by default)
    // within `captcha.action_reset` seconds (60); this form cannot show Artalk's captcha.
    return new CommentThreadError('rejected', `Artalk at ${url} wants a captcha, which this form cannot show.`, {
      ...init,
      reason: 'captcha',
      retryAfter: 60,
      ...said,
    });
  }
  if (body.need_login || body.need_auth_login) {
    return new CommentThreadError('rejected', `Artalk at ${url} asks this name or email to log in.`, {
      ...init,
      reason: 'login-required',
      ...said,
    });
  }
  if (body.err_no_site) {
    return new CommentThreadError('rejected', `Artalk at ${url} has no site with this name: ${body.msg ?? ''}`.trim(), {
      ...init,
      reason: 'invalid-post',
    });
  }
  if (body.msg && response.status < 500) {
    return new CommentThreadError('rejected', `Artalk at ${url} refused the request: ${body.msg}`, {
      ...init,
      reason: 'invalid',
      ...said,
    });
  }
  return httpError(response, url, body.msg ? `The comment server answered ${response.status}: ${body.msg}` : undefined);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** Reads wall-clock times of one zone as instants, with `Intl` (no date library). */
function zoneReader(timeZone: string): (local: string) => string | undefined {
  const fixed = /^([+-])(\d{2}):(\d{2})$/.exec(timeZone);
  // Throws a RangeError at once for an unknown zone: a configuration mistake worth seeing early.
  const format = fixed
    ? undefined
    : new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
  /** Milliseconds the zone is ahead of UTC at an instant. */
  const offsetAt = (instant: number): number => {
    if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
    const part = Object.fromEntries(format!.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
    return (
      Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - (instant - (instant % 1000))
    );
  };
  return (local) => {
    const m = WALL.exec(local.trim());
    if (!m) return undefined;
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
    // A second pass settles times near a daylight-saving change.
    const first = wall - offsetAt(wall);
    return new Date(wall - offsetAt(first)).toISOString();
  };
}

export function artalk(options: ArtalkOptions): CommentAdapter {
  const readDate = zoneReader(options.timeZone ?? 'Asia/Shanghai');
  const pageSize = Math.max(1, options.pageSize ?? 20);
  const avatar = options.avatar ?? 'https://www.gravatar.com/avatar/{hash}?sha256=1&d=mp&s=240';
  const common = { ...(options.fetch ? { fetch: options.fetch } : {}), failure };
  const commentsUrl = () => resolveUrl(options.endpoint, 'api/v2/comments', options.baseUrl);
  // Plain-JavaScript callers may leave it out: Artalk then says the site name is missing.
  const site = options.site ?? '';
  // server/handler/vote.go: `POST /api/v2/votes/comment/{id}/up` toggles this address's up-vote and
  // answers the counts.
  const vote = async (id: string, signal: AbortSignal) => {
    const url = resolveUrl(options.endpoint, `api/v2/votes/comment/${encodeURIComponent(id)}/up`, options.baseUrl).href;
    const { data } = await getJson(url, z.object({ up: z.number() }), { ...common, method: 'POST', signal, json: {} });
    return data.up;
  };

  const toComment = (raw: ArtalkComment): Comment => {
    const url = httpUrl(raw.link);
    const avatarUrl = raw.email_encrypted
      ? httpUrl(avatar.replace('{hash}', encodeURIComponent(raw.email_encrypted)))
      : undefined;
    return {
      id: String(raw.id),
      parentId: raw.rid ? String(raw.rid) : null,
      author: {
        name: raw.nick,
        ...(url ? { url } : {}),
        ...(avatarUrl ? { avatarUrl } : {}),
        // Artalk shows a badge for its administrators (the site's authors).
        ...(raw.badge_name ? { isPostAuthor: true } : {}),
      },
      createdAt: readDate(raw.date) ?? new Date(0).toISOString(),
      body: { format: 'html', value: raw.content_marked },
      status: raw.is_pending ? 'pending' : 'approved',
      ...(raw.vote_up !== undefined ? { likes: raw.vote_up } : {}),
    };
  };

  return checkedAdapter(
    {
      // Artalk takes Markdown and counts up-votes per address (a second vote takes the first back).
      capabilities: readWrite({ likes: true, bodyFormat: 'markdown', ...options.capabilities }),
      like: (id: string, { signal }: ActionOptions) => vote(id, signal),
      unlike: (id: string, { signal }: ActionOptions) => vote(id, signal),
      key: `artalk:${resolveUrl(options.endpoint, '', options.baseUrl).href}:${site}`,

      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        const url = commentsUrl();
        const offset = Math.max(0, Number(cursor) || 0);
        url.search = new URLSearchParams({
          page_key: postId,
          site_name: site,
          limit: String(pageSize),
          offset: String(offset),
          sort_by: order === 'newest' ? 'date_desc' : 'date_asc',
        }).toString();
        const { data } = await getJson(url.href, List, { ...common, signal });
        const roots = data.comments.filter((c) => c.rid === 0).length;
        const next = offset + roots;
        return {
          comments: data.comments.map(toComment),
          total: data.count,
          cursor: roots > 0 && next < data.roots_count ? String(next) : null,
        };
      },

      // The stats API: `page_comment` with comma-separated page keys answers `{ data: { key: n } }`.
      async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
        const url = resolveUrl(options.endpoint, 'api/v2/stats/page_comment', options.baseUrl);
        url.search = new URLSearchParams({ site_name: site, page_keys: postIds.join(',') }).toString();
        const { data } = await getJson(url.href, CountData, { ...common, signal });
        return data.data;
      },

      async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
        const url = commentsUrl().href;
        const { data } = await getJson(url, ArtalkComment, {
          ...common,
          method: 'POST',
          signal,
          json: {
            name: draft.author.name,
            email: draft.author.email,
            link: draft.author.url ?? '',
            content: draft.content,
            rid: draft.parentId === null ? 0 : Number(draft.parentId),
            ua: options.userAgent ?? '',
            page_key: draft.postId,
            site_name: site,
            page_title: options.pageTitle ?? '',
          },
        });
        return toComment(data);
      },
    },
    options.endpoint,
  );
}

/**
 * `backend="artalk" endpoint="https://artalk.example.org/?site=Blog&tz=Europe/Paris" post-id="/2012/01/post/"`:
 * the site name (required) and the server's time zone (when not Asia/Shanghai) ride on the endpoint.
 */
export const backend: BackendFactory = ({ endpoint, pageTitle, baseUrl }) => {
  const url = new URL(endpoint ?? '', 'http://placeholder.invalid/');
  const site = url.searchParams.get('site') ?? '';
  const timeZone = url.searchParams.get('tz');
  const base = (endpoint ?? '').replace(/[?#].*$/, '');
  return artalk({
    endpoint: base,
    site,
    ...(timeZone ? { timeZone } : {}),
    ...(pageTitle ? { pageTitle } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
};
