/**
 * GitHub issue comments, read only: the comments Utterances stores, one issue per page. Posting needs
 * the reader's GitHub login, so the form gives way to a "Comment on GitHub" link to the issue.
 *   GET {api}/repos/{owner}/{repo}/issues/{n}/comments?per_page=…&page=…
 *       Accept: application/vnd.github.html+json → `body_html`, rendered and cleaned by GitHub
 * Shapes from docs.github.com rest/issues/comments and rest/using-the-rest-api/rate-limits-for-the-rest-api;
 * utterance/utterances src/github.ts. Anonymous readers get 60 requests an hour per IP address.
 */
import * as z from 'zod/mini';
import type { Comment, Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, httpError, resolveUrl } from './http.js';
import { errorBody, getJson, httpUrl } from './http-helpers.js';
import type { BackendFactory, Capabilities, CommentAdapter, ListQuery } from './types.js';

export interface GithubOptions {
  /** The issue: `owner/repo#12` or `https://github.com/owner/repo/issues/12`; else given to `list()`. */
  postId?: string;
  /** The REST API root. Default https://api.github.com (GitHub Enterprise: https://HOST/api/v3). */
  endpoint?: string;
  /** Comments per request, 1–100. Default 100. */
  pageSize?: number;
  fetch?: typeof fetch;
}

const IssueComment = z.object({
  id: z.number(),
  html_url: z.string(),
  body_html: z.optional(z.string()),
  created_at: z.string(),
  user: z.nullable(
    z.object({ login: z.string(), avatar_url: z.optional(z.string()), html_url: z.optional(z.string()) }),
  ),
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE …: the repository's owner is the post's author. */
  author_association: z.optional(z.string()),
  reactions: z.optional(z.object({ '+1': z.optional(z.number()) })),
});

/** The issue named by `owner/repo#12` or an issue URL. */
export function parseIssue(postId: string): { owner: string; repo: string; number: string; url: string } {
  const m =
    /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(postId.trim()) ??
    /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)\/?(?:#.*)?$/.exec(postId.trim());
  if (!m)
    throw new CommentThreadError('rejected', `Not a GitHub issue: ${postId} (expected owner/repo#12 or an issue URL)`, {
      reason: 'invalid-post',
    });
  const [, owner, repo, number] = m as unknown as [string, string, string, string];
  return { owner, repo, number, url: `https://github.com/${owner}/${repo}/issues/${number}` };
}

/** The page number a `Link` header names for `rel`, e.g. `<…&page=3>; rel="next"`. */
export function linkedPage(header: string | null, rel: string): string | null {
  for (const part of header?.split(',') ?? []) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (m && m[2].split(/\s+/).includes(rel)) return new URL(m[1]).searchParams.get('page');
  }
  return null;
}

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  const body = z.object({ message: z.string() }).safeParse(await errorBody(response, url));
  const remaining = response.headers.get('X-RateLimit-Remaining');
  if ((response.status === 403 || response.status === 429) && remaining === '0') {
    const reset = Number(response.headers.get('X-RateLimit-Reset')) * 1000;
    const when = Number.isFinite(reset) && reset > 0 ? new Date(reset).toISOString() : undefined;
    return new CommentThreadError(
      'http',
      `GitHub allows 60 requests an hour to readers who are not logged in, and they are used up${when ? ` until ${when}` : ''} (${url}).`,
      {
        status: response.status,
        reason: 'rate-limited',
        url,
        ...(when ? { retryAfter: Math.max(0, Math.ceil((reset - Date.now()) / 1000)) } : {}),
      },
    );
  }
  if (response.status === 404) {
    return new CommentThreadError('http', `This GitHub issue was not found, or its repository is private (${url}).`, {
      status: 404,
      reason: 'not-found',
      url,
    });
  }
  if (response.status === 410)
    return new CommentThreadError('http', `This GitHub issue was deleted (${url}).`, { status: 410, reason: 'not-found', url });
  return httpError(
    response,
    url,
    body.success ? `GitHub answered ${response.status}: ${body.data.message}` : undefined,
  );
}

export function github(options: GithubOptions = {}): CommentAdapter {
  const api = options.endpoint ?? 'https://api.github.com';
  const perPage = Math.min(100, Math.max(1, options.pageSize ?? 100));
  const common = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // A CORS-safelisted header: asking for rendered HTML needs no preflight.
    headers: { Accept: 'application/vnd.github.html+json' },
    failure,
  };
  const capabilities: Capabilities = { post: false, reply: false, fields: { email: 'hidden', url: false } };
  const link = (url: string) => (capabilities.replyLink = { url, service: 'github' });
  if (options.postId) {
    try {
      link(parseIssue(options.postId).url);
    } catch {
      // list() reports a malformed issue where the element shows errors.
    }
  }

  async function page(postId: string, number: string, signal: AbortSignal) {
    const issue = parseIssue(postId);
    const url = resolveUrl(api, `repos/${issue.owner}/${issue.repo}/issues/${issue.number}/comments`);
    url.search = new URLSearchParams({ per_page: String(perPage), page: number }).toString();
    const { data, response } = await getJson(url.href, z.array(IssueComment), { ...common, signal });
    link(data[0] ? data[0].html_url.replace(/#.*$/, '') : issue.url);
    return { data, links: response.headers.get('Link') };
  }

  return checkedAdapter(
    {
      capabilities,
      key: `github:${api}`,

      /** Pages run oldest first, GitHub's only order; `newest` starts from the last page and walks back. */
      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        let result = await page(postId, cursor ?? '1', signal);
        let next = linkedPage(result.links, 'next');
        if (order === 'newest') {
          const last = cursor ? null : linkedPage(result.links, 'last');
          if (last) result = await page(postId, last, signal);
          next = linkedPage(result.links, 'prev');
        }
        const comments = result.data.map((raw): Comment => {
          const profile = httpUrl(raw.user?.html_url);
          const avatarUrl = httpUrl(raw.user?.avatar_url);
          return {
            id: String(raw.id),
            parentId: null,
            author: {
              name: raw.user?.login ?? 'ghost',
              ...(profile ? { url: profile } : {}),
              ...(avatarUrl ? { avatarUrl } : {}),
              ...(raw.author_association === 'OWNER' ? { isPostAuthor: true } : {}),
            },
            createdAt: raw.created_at,
            body: { format: 'html', value: raw.body_html ?? '' },
            status: 'approved',
            permalink: raw.html_url,
            ...(raw.reactions?.['+1'] !== undefined ? { likes: raw.reactions['+1'] } : {}),
          };
        });
        return { comments, cursor: next };
      },
    },
    api,
  );
}

/** `backend="github" post-id="owner/repo#12"` (or the issue's URL); `endpoint` for GitHub Enterprise. */
export const backend: BackendFactory = ({ endpoint, postId }) => github({ postId, ...(endpoint ? { endpoint } : {}) });
