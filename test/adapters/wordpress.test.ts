import { expect } from '@open-wc/testing';
import { CommentThreadError } from '../../src/adapters/errors.js';
import type { CommentAdapter } from '../../src/adapters/types.js';
import { postRef, wordpress, type WordPressOptions } from '../../src/adapters/wordpress.js';
import type { Draft } from '../../src/model/schemas.js';

interface Call {
  url: URL;
  init: RequestInit;
}
type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

const SITE = 'https://blog.example';
const signal = new AbortController().signal;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
const html = (text: string, status = 200) => new Response(text, { status, headers: { 'Content-Type': 'text/html' } });
/** A response as fetch gives it after following redirects to `url`. */
function landedAt(response: Response, url: string): Response {
  return Object.defineProperties(response, { url: { value: url }, redirected: { value: true } });
}

/** A fetch that records every call and answers through `handler`. */
function stub(handler: Handler) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    calls.push({ url, init });
    return handler(url, init);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

/** The REST route a URL asks for, whichever way the root is addressed. */
const route = (url: URL) => url.searchParams.get('rest_route') ?? url.pathname.replace(/^.*\/wp-json/, '');

const raw = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  parent: 0,
  author: 0,
  author_name: `Reader ${id}`,
  author_url: '',
  date_gmt: '2013-04-15T17:10:00',
  content: { rendered: `<p>Comment ${id}</p>\n` },
  link: `${SITE}/a-post/#comment-${id}`,
  status: 'approved',
  author_avatar_urls: { '24': `${SITE}/a?s=24`, '48': `${SITE}/a?s=48`, '96': `${SITE}/a?s=96` },
  ...extra,
});

/** A WordPress with pretty permalinks: post 42 by user 1, comments answered by `comments`. */
function site(comments: Handler = () => json([raw(1)], 200, { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' }), more: Handler = () => json({ code: 'rest_no_route', message: 'No route' }, 404)) {
  return stub((url, init) => {
    const path = route(url);
    if (path === '/wp/v2/posts/42') return json({ id: 42, author: 1, comment_status: 'open' });
    if (path === '/wp/v2/comments' && (init.method ?? 'GET') === 'GET') return comments(url, init);
    return more(url, init);
  });
}

const list = (adapter: CommentAdapter, cursor?: string, order: 'oldest' | 'newest' = 'oldest') =>
  adapter.list({ postId: '42', order, signal, ...(cursor ? { cursor } : {}) });

const draft = (extra: Partial<Draft> = {}): Draft => ({
  postId: '42',
  parentId: null,
  content: 'Thanks for the article.',
  author: { name: 'Ann', email: 'ann@example.org', url: 'https://ann.example' },
  ...extra,
});

async function rejection(promise: Promise<unknown>): Promise<CommentThreadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(CommentThreadError);
    return error as CommentThreadError;
  }
  throw new Error('expected a rejection');
}

const make = (fetch: typeof globalThis.fetch, extra: Partial<WordPressOptions> = {}) =>
  wordpress({ endpoint: SITE, fetch, ...extra });

describe('wordpress adapter: listing', () => {
  it('asks /wp-json/wp/v2/comments for one page of the post, oldest first, only the fields it uses', async () => {
    const { calls, fetch } = site();
    await list(make(fetch));
    const url = calls.find((c) => route(c.url) === '/wp/v2/comments')!.url;
    expect(url.origin + url.pathname).to.equal(`${SITE}/wp-json/wp/v2/comments`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      post: '42',
      per_page: '100',
      page: '1',
      orderby: 'date_gmt',
      order: 'asc',
      _fields: 'id,parent,author,author_name,author_url,date_gmt,content,link,status,author_avatar_urls',
    });
    expect(calls.every((c) => c.init.credentials === 'omit')).to.equal(true);
  });

  it('asks newest first for order "newest", and honours perPage up to WordPress\'s cap of 100', async () => {
    const { calls, fetch } = site();
    await list(make(fetch, { perPage: 25 }), undefined, 'newest');
    await list(make(fetch, { perPage: 500 }));
    const urls = calls.filter((c) => route(c.url) === '/wp/v2/comments').map((c) => c.url.searchParams);
    expect([urls[0]!.get('order'), urls[0]!.get('per_page')]).to.deep.equal(['desc', '25']);
    expect(urls[1]!.get('per_page')).to.equal('100');
  });

  it('maps a comment: UTC date, decoded name, best avatar, permalink, HTML body, nesting, post-author badge', async () => {
    const { fetch } = site(() =>
      json([
        raw(5, { author_name: 'Eve &amp; Mallet', author_url: 'https://eve.example' }),
        raw(6, { parent: 5, author: 1, author_name: 'Sarah Anderson', date_gmt: '2013-04-16T02:08:00' }),
      ]),
    );
    const { comments } = await list(make(fetch));
    expect(comments[0]).to.deep.equal({
      id: '5',
      parentId: null,
      author: { name: 'Eve & Mallet', url: 'https://eve.example', avatarUrl: `${SITE}/a?s=${devicePixelRatio > 1 ? 96 : 48}` },
      createdAt: '2013-04-15T17:10:00Z',
      body: { format: 'html', value: '<p>Comment 5</p>\n' },
      status: 'approved',
      permalink: `${SITE}/a-post/#comment-5`,
    });
    expect(comments[1]!.parentId).to.equal('5');
    expect(comments[1]!.author.isPostAuthor).to.equal(true);
    expect(comments[1]!.createdAt).to.equal('2013-04-16T02:08:00Z');
  });

  it('picks the smallest avatar at least as large as it is shown, else the largest', async () => {
    const dpr = devicePixelRatio;
    for (const [avatarSize, expected] of [[20, dpr > 1 ? 48 : 24], [40, dpr > 1 ? 96 : 48], [200, 96]] as const) {
      const { fetch } = site();
      const { comments } = await list(make(fetch, { avatarSize }));
      expect(comments[0]!.author.avatarUrl, `avatarSize ${avatarSize}`).to.equal(`${SITE}/a?s=${expected}`);
    }
    const { fetch } = site(() => json([raw(1, { author_avatar_urls: undefined })]));
    expect((await list(make(fetch))).comments[0]!.author).to.not.have.property('avatarUrl');
  });

  it('fetches the post (for the badge) in parallel with the first page, not after it', async () => {
    let release!: () => void;
    const postAsked = new Promise<void>((resolve) => (release = resolve));
    const { fetch } = stub(async (url) => {
      if (route(url) === '/wp/v2/posts/42') {
        release();
        return json({ id: 42, author: 1, comment_status: 'open' });
      }
      await postAsked; // answers only once the post was asked for: a sequential adapter would hang here
      return json([raw(1, { author: 1 })]);
    });
    const { comments } = await list(make(fetch));
    expect(comments[0]!.author.isPostAuthor).to.equal(true);
  });

  it('still lists when the post cannot be read (a page, a private post): no badge', async () => {
    const { fetch } = stub((url) =>
      route(url) === '/wp/v2/comments' ? json([raw(1, { author: 1 })]) : json({ code: 'rest_post_invalid_id', message: 'Invalid post ID.' }, 404),
    );
    const { comments } = await list(make(fetch));
    expect(comments[0]!.author.isPostAuthor).to.equal(undefined);
  });

  it('pages with X-WP-TotalPages: cursor is the next page number, null on the last; total from X-WP-Total', async () => {
    const { calls, fetch } = site((url) =>
      json([raw(Number(url.searchParams.get('page')))], 200, { 'X-WP-Total': '261', 'X-WP-TotalPages': '3' }),
    );
    const adapter = make(fetch);
    const first = await list(adapter);
    expect([first.total, first.cursor]).to.deep.equal([261, '2']);
    const second = await list(adapter, first.cursor!);
    expect(second.cursor).to.equal('3');
    const third = await list(adapter, second.cursor!);
    expect(third.cursor).to.equal(null);
    expect(third.comments[0]!.id).to.equal('3');
    const pages = calls.filter((c) => route(c.url) === '/wp/v2/comments').map((c) => c.url.searchParams.get('page'));
    expect(pages).to.deep.equal(['1', '2', '3']);
    // The post is looked up once, not once per page.
    expect(calls.filter((c) => route(c.url) === '/wp/v2/posts/42')).to.have.length(1);
  });

  it('without the paging headers, a full page means there may be another', async () => {
    const { fetch } = site((url) => json(url.searchParams.get('page') === '1' ? [raw(1), raw(2)] : [raw(3)]));
    const adapter = make(fetch, { perPage: 2 });
    expect((await list(adapter)).cursor).to.equal('2');
    expect((await list(adapter, '2')).cursor).to.equal(null);
  });

  it('answers an empty thread with no comments and no cursor', async () => {
    const { fetch } = site(() => json([], 200, { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' }));
    expect(await list(make(fetch))).to.deep.equal({ comments: [], total: 0, cursor: null });
  });

  it('refuses a cursor that is not a page number', async () => {
    const { fetch } = site();
    expect((await rejection(list(make(fetch), 'abc'))).reason).to.equal('invalid-param');
  });

  it('says comments are closed when the post says so', async () => {
    const { fetch } = stub((url) =>
      route(url) === '/wp/v2/posts/42' ? json({ id: 42, author: 1, comment_status: 'closed' }) : json([]),
    );
    const adapter = make(fetch);
    expect(adapter.capabilities.post).to.equal(true);
    await list(adapter);
    expect([adapter.capabilities.post, adapter.capabilities.reply]).to.deep.equal([false, false]);
  });

  it('asks name and email (required) and a website, and caps depth at WordPress\'s 5 unless told', () => {
    const { fetch } = site();
    expect(make(fetch).capabilities).to.deep.include({ fields: { name: 'required', email: 'required', url: true }, maxDepth: 5 });
    expect(make(fetch, { depth: 3 }).capabilities.maxDepth).to.equal(3);
  });
});

describe('wordpress adapter: finding the REST API', () => {
  it('falls back to ?rest_route= when /wp-json/ answers HTML (plain permalinks), and stays there', async () => {
    const { calls, fetch } = stub((url) => {
      if (url.pathname.startsWith('/wp-json/')) return html('<!doctype html><title>Blog</title>');
      return route(url) === '/wp/v2/comments' ? json([raw(1)]) : json({ id: 42, author: 0 });
    });
    const adapter = make(fetch);
    await list(adapter);
    await list(adapter, '2');
    const last = calls[calls.length - 1]!.url;
    expect(last.pathname).to.equal('/');
    expect(last.searchParams.get('rest_route')).to.equal('/wp/v2/comments');
    expect(last.searchParams.get('post')).to.equal('42');
    expect(calls.filter((c) => c.url.pathname.startsWith('/wp-json/')).length).to.be.at.most(2);
  });

  it('falls back when /wp-json/ cannot be fetched at all (a redirect without CORS headers)', async () => {
    const { fetch } = stub((url) => {
      if (url.pathname.startsWith('/wp-json/')) throw new TypeError('Failed to fetch');
      return route(url) === '/wp/v2/comments' ? json([raw(7)]) : json({ id: 42, author: 0 });
    });
    expect((await list(make(fetch))).comments[0]!.id).to.equal('7');
  });

  it('does not fall back on a WordPress error, which is JSON: the REST API is there and refused', async () => {
    const { calls, fetch } = stub(() => json({ code: 'rest_forbidden', message: 'REST API restricted to authenticated users.' }, 401));
    const error = await rejection(list(make(fetch)));
    expect([error.code, error.status, error.reason, error.message]).to.deep.equal([
      'rejected',
      401,
      'rest_forbidden',
      'REST API restricted to authenticated users.',
    ]);
    expect(calls.some((c) => c.url.searchParams.has('rest_route'))).to.equal(false);
  });

  it('gives invalid-response naming the URL when the site answers HTML everywhere (a block page)', async () => {
    const { fetch } = stub(() => html('<html><body><h1>Access denied</h1></body></html>', 403));
    const error = await rejection(list(make(fetch)));
    expect(error.code).to.equal('invalid-response');
    expect(error.url).to.contain(`${SITE}/?rest_route=%2Fwp%2Fv2%2Fcomments`);
    expect(error.message).to.contain(error.url!);
  });

  it('takes a REST root as endpoint as it is, without guessing', async () => {
    const { calls, fetch } = stub(() => html('<p>PHP Fatal error</p>', 500));
    const error = await rejection(list(make(fetch, { endpoint: `${SITE}/blog/wp-json` })));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.contain(`${SITE}/blog/wp-json/wp/v2/comments?post=42`);
    expect(calls.every((c) => c.url.pathname.startsWith('/blog/wp-json/'))).to.equal(true);

    const query = stub((url) => (route(url) === '/wp/v2/comments' ? json([]) : json({ id: 42 })));
    await list(make(query.fetch, { endpoint: `${SITE}/index.php?rest_route=/` }));
    expect(query.calls.every((c) => c.url.pathname === '/index.php' && c.url.searchParams.has('rest_route'))).to.equal(true);
  });

  it('answers invalid-response when JSON comes in the wrong shape', async () => {
    const { fetch } = site(() => json([{ id: 'one' }]));
    const error = await rejection(list(make(fetch)));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.contain('/wp-json/wp/v2/comments');
  });
});

describe('wordpress adapter: post-id as number, slug or URL', () => {
  it('reads post references', () => {
    expect(postRef('42')).to.deep.equal({ id: 42 });
    expect(postRef('the-post')).to.deep.equal({ slug: 'the-post' });
    expect(postRef('https://blog.example/2012/01/the-post/')).to.deep.equal({ slug: 'the-post' });
    expect(postRef('https://blog.example/?p=7')).to.deep.equal({ id: 7 });
    expect(postRef('https://blog.example/?page_id=9')).to.deep.equal({ id: 9 });
  });

  it('resolves a slug through wp/v2/posts?slug=, once, and lists that post', async () => {
    const { calls, fetch } = stub((url) => {
      if (route(url) === '/wp/v2/posts') return json([{ id: 42, author: 1, comment_status: 'open' }]);
      return json([raw(1, { author: 1 })], 200, { 'X-WP-TotalPages': '2' });
    });
    const adapter = make(fetch);
    const page = await adapter.list({ postId: 'https://blog.example/2012/01/the-post/', order: 'oldest', signal });
    await adapter.list({ postId: 'https://blog.example/2012/01/the-post/', order: 'oldest', signal, cursor: '2' });
    expect(page.comments[0]!.author.isPostAuthor).to.equal(true);
    const lookups = calls.filter((c) => route(c.url) === '/wp/v2/posts');
    expect(lookups).to.have.length(1);
    expect(lookups[0]!.url.searchParams.get('slug')).to.equal('the-post');
    expect(calls.filter((c) => route(c.url) === '/wp/v2/comments').map((c) => c.url.searchParams.get('post'))).to.deep.equal(['42', '42']);
  });

  it('looks among pages when no post has the slug, and says so when nothing has it', async () => {
    const { fetch } = stub((url) =>
      route(url) === '/wp/v2/pages' && url.searchParams.get('slug') === 'about' ? json([{ id: 2, author: 1 }]) : json([]),
    );
    await list(make(fetch)); // warm up
    const about = await make(fetch).list({ postId: 'about', order: 'oldest', signal });
    expect(about.comments).to.deep.equal([]);
    const error = await rejection(make(fetch).list({ postId: 'no-such-post', order: 'oldest', signal }));
    expect([error.code, error.reason]).to.deep.equal(['rejected', 'invalid-post']);
    expect(error.message).to.contain('no-such-post');
  });
});
