/**
 * Every adapter with a parser, each with a `fetch` that answers in its backend's own shape (recorded
 * fixtures for the third-party backends, a small WordPress site, a REST server and a JSON file), and the
 * tools to change any string in any answer: the XSS tests put payloads there, the fuzz suite garbage.
 */
import type { CommentAdapter } from '../../src/adapters/types.js';
import { artalk } from '../../src/adapters/artalk.js';
import { bluesky } from '../../src/adapters/bluesky.js';
import { github } from '../../src/adapters/github.js';
import { isso } from '../../src/adapters/isso.js';
import { mastodon } from '../../src/adapters/mastodon.js';
import { rest } from '../../src/adapters/rest.js';
import { staticJson } from '../../src/adapters/static-json.js';
import { waline } from '../../src/adapters/waline.js';
import { wordpress } from '../../src/adapters/wordpress.js';
import type { Comment } from '../../src/model/schemas.js';
import { fixtureEndpoints, fixtureFetch, fixturePostIds, json } from '../fixtures/backends/index.js';

export type Fetch = typeof globalThis.fetch;

export interface Backend {
  name: string;
  postId: string;
  /** A fresh fetch answering this backend's requests, unchanged. */
  fetch(): Fetch;
  make(fetch: Fetch): CommentAdapter;
}

const SITE = 'https://blog.example';
const wpComment = (id: number, parent: number, extra: Record<string, unknown> = {}) => ({
  id,
  parent,
  author: id === 2 ? 1 : 0,
  author_name: `Reader ${id}`,
  author_url: `https://reader${id}.example`,
  date_gmt: `2013-04-1${id}T17:10:00`,
  content: { rendered: `<p>Comment ${id} with <a href="https://example.org/">a link</a> &amp; an entity</p>\n` },
  link: `${SITE}/a-post/#comment-${id}`,
  status: 'approved',
  author_avatar_urls: { '24': `${SITE}/a${id}?s=24`, '48': `${SITE}/a${id}?s=48`, '96': `${SITE}/a${id}?s=96` },
  ...extra,
});

/** A WordPress with pretty permalinks: post 42 by user 1, three comments (a reply by the post's author). */
function wordpressFetch(): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const route = url.searchParams.get('rest_route') ?? url.pathname.replace(/^.*\/wp-json/, '');
    if (route === '/wp/v2/posts/42') return json({ id: 42, author: 1, comment_status: 'open' });
    if (route === '/wp/v2/comments' && (init?.method ?? 'GET') === 'GET') {
      return json([wpComment(1, 0), wpComment(2, 1), wpComment(3, 0, { author_url: '' })], 200, {
        'X-WP-Total': '3',
        'X-WP-TotalPages': '1',
      });
    }
    return json({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } }, 404);
  };
}

const modelComments: Comment[] = [
  {
    id: '1',
    parentId: null,
    author: { name: 'Ann', url: 'https://ann.example', avatarUrl: 'https://ann.example/a.png', isPostAuthor: true },
    createdAt: '2020-01-01T00:00:00Z',
    body: { format: 'html', value: '<p>Hello <a href="https://example.org">there</a></p>' },
    status: 'approved',
    permalink: 'https://blog.example/post#c1',
  },
  {
    id: '2',
    parentId: '1',
    author: { name: 'Bob' },
    createdAt: '2020-01-02T00:00:00Z',
    body: { format: 'text', value: 'Hi\n\nAnn' },
    status: 'approved',
  },
];

const modelFetch = (): typeof fetch => async () => json({ comments: structuredClone(modelComments), total: 2, cursor: null });

export const backends: readonly Backend[] = [
  { name: 'rest', postId: '1', fetch: modelFetch, make: (f) => rest({ endpoint: 'https://api.example/', fetch: f }) },
  { name: 'json', postId: '1', fetch: modelFetch, make: (f) => staticJson({ url: 'https://cdn.example/{postId}.json', fetch: f }) },
  { name: 'wordpress', postId: '42', fetch: wordpressFetch, make: (f) => wordpress({ endpoint: SITE, fetch: f }) },
  {
    name: 'waline',
    postId: fixturePostIds.waline,
    fetch: () => fixtureFetch('waline'),
    make: (f) => waline({ endpoint: fixtureEndpoints.waline!, fetch: f }),
  },
  { name: 'isso', postId: fixturePostIds.isso, fetch: () => fixtureFetch('isso'), make: (f) => isso({ endpoint: fixtureEndpoints.isso!, fetch: f }) },
  {
    name: 'artalk',
    postId: fixturePostIds.artalk,
    fetch: () => fixtureFetch('artalk'),
    make: (f) => artalk({ endpoint: fixtureEndpoints.artalk!, site: 'Blog', fetch: f }),
  },
  { name: 'mastodon', postId: fixturePostIds.mastodon, fetch: () => fixtureFetch('mastodon'), make: (f) => mastodon({ fetch: f }) },
  { name: 'bluesky', postId: fixturePostIds.bluesky, fetch: () => fixtureFetch('bluesky'), make: (f) => bluesky({ fetch: f }) },
  { name: 'github', postId: fixturePostIds.github, fetch: () => fixtureFetch('github'), make: (f) => github({ fetch: f }) },
];

export type Path = readonly (string | number)[];

/** Which answer a request gets: method, path and the query parameters that select a resource. */
export const answerKey = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  return `${init?.method ?? 'GET'} ${url.pathname}${url.searchParams.has('rest_route') ? `?${url.searchParams.get('rest_route')}` : ''}`;
};

/** Every JSON answer one unchanged `list()` receives, by answer key. */
export async function recordAnswers(backend: Backend): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  const base = backend.fetch();
  const recording: typeof fetch = async (input, init) => {
    const response = await base(input, init);
    try {
      answers.set(answerKey(input, init), await response.clone().json());
    } catch {
      // Not JSON: nothing to change in it.
    }
    return response;
  };
  await backend.make(recording).list({ postId: backend.postId, order: 'oldest', signal: new AbortController().signal });
  return answers;
}

/** The paths of every string in a JSON value. */
export function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

/** `value` with the thing at `path` replaced by `replacement` (a copy). */
export function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

/** An answer given as is instead of as JSON: text, a status, a content type. */
export class Raw {
  constructor(
    readonly text: string,
    readonly status?: number,
    readonly type = 'application/json',
  ) {}
}

/**
 * A fetch answering like `base`, with each JSON answer passed through `change` (by answer key): the
 * result is sent as JSON, or as is when it is a `Raw`.
 */
export function changing(base: typeof fetch, change: (key: string, data: unknown) => unknown): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const key = answerKey(input, init);
    let data: unknown;
    try {
      data = await response.clone().json();
    } catch {
      return response;
    }
    const changed = change(key, data);
    if (changed === data) return response;
    const headers = new Headers(response.headers);
    headers.delete('Content-Length');
    if (changed instanceof Raw) {
      headers.set('Content-Type', changed.type);
      return new Response(changed.text, { status: changed.status ?? response.status, headers });
    }
    return new Response(JSON.stringify(changed), { status: response.status, headers });
  };
}
