import { expect } from '@open-wc/testing';
import type { CommentAdapter } from '../../src/adapters/types.js';
import { postRef, wordpress, type WordPressOptions } from '../../src/adapters/wordpress.js';
import type { Draft } from '../../src/model/schemas.js';
import { rejection } from './stub.js';

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
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
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
      author: { name: 'Eve & Mallet', url: 'https://eve.example', avatarUrl: `${SITE}/a?s=48` },
      createdAt: '2013-04-15T17:10:00Z',
      body: { format: 'html', value: '<p>Comment 5</p>\n' },
      status: 'approved',
      permalink: `${SITE}/a-post/#comment-5`,
    });
    expect(comments[1]!.parentId).to.equal('5');
    expect(comments[1]!.author.isPostAuthor).to.equal(true);
    expect(comments[1]!.createdAt).to.equal('2013-04-16T02:08:00Z');
  });

  it('picks the smallest avatar at least as large as it is shown in device pixels, else the largest', async () => {
    const cases = [[20, 1, 24], [20, 2, 48], [40, 1, 48], [40, 2, 96], [40, 1.5, 96], [200, 1, 96]] as const;
    for (const [avatarSize, pixelRatio, expected] of cases) {
      const { fetch } = site();
      const { comments } = await list(make(fetch, { avatarSize, pixelRatio }));
      expect(comments[0]!.author.avatarUrl, `avatarSize ${avatarSize} at ${pixelRatio}x`).to.equal(`${SITE}/a?s=${expected}`);
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
    expect([error.code, error.status, error.reason, error.serverMessage]).to.deep.equal([
      'rejected',
      401,
      'rest_forbidden',
      'REST API restricted to authenticated users.',
    ]);
    expect(error.message).to.contain(error.url!);
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

  it('refuses an empty post id without asking WordPress (an empty slug would match every post)', async () => {
    const { calls, fetch } = site();
    const error = await rejection(make(fetch).list({ postId: ' ', order: 'oldest', signal }));
    expect([error.code, error.reason]).to.deep.equal(['rejected', 'invalid-post']);
    expect(calls).to.have.length(0);
  });

  it('looks among pages when no post has the slug, and says so when nothing has it', async () => {
    const { fetch } = stub((url) =>
      route(url) === '/wp/v2/pages' && url.searchParams.get('slug') === 'about' ? json([{ id: 2, author: 1 }]) : json([]),
    );
    const about = await make(fetch).list({ postId: 'about', order: 'oldest', signal });
    expect(about.comments).to.deep.equal([]);
    const error = await rejection(make(fetch).list({ postId: 'no-such-post', order: 'oldest', signal }));
    expect([error.code, error.reason]).to.deep.equal(['rejected', 'invalid-post']);
    expect(error.message).to.contain('no-such-post');
  });
});

describe('wordpress adapter: posting over REST', () => {
  const posted = (calls: Call[]) => calls.filter((c) => c.init.method === 'POST');

  it('POSTs wp/v2/comments with the post, parent and author, and maps the 201 answer', async () => {
    const { calls, fetch } = site(undefined, (_, init) =>
      init.method === 'POST' ? json(raw(300, { parent: 5, author_name: 'Ann', status: 'approved' }), 201) : json({}, 404),
    );
    const comment = await make(fetch).submit!(draft({ parentId: '5' }), { signal });
    const [post] = posted(calls);
    expect(route(post!.url)).to.equal('/wp/v2/comments');
    expect(JSON.parse(post!.init.body as string)).to.deep.equal({
      post: 42,
      parent: 5,
      content: 'Thanks for the article.',
      author_name: 'Ann',
      author_email: 'ann@example.org',
      author_url: 'https://ann.example',
    });
    expect(post!.init.credentials).to.equal('omit');
    expect([comment.id, comment.parentId, comment.status]).to.deep.equal(['300', '5', 'approved']);
  });

  it('returns a held comment (status "hold") as pending, for the element to keep for its author', async () => {
    const { fetch } = site(undefined, () => json(raw(301, { status: 'hold' }), 201));
    const comment = await make(fetch).submit!(draft(), { signal });
    expect([comment.id, comment.status]).to.deep.equal(['301', 'pending']);
  });

  const errors: [string, number, string, string, string][] = [
    ['comment_duplicate', 409, 'duplicate', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', 'Duplicate comment detected; it looks as though you’ve already said that!'],
    ['comment_flood', 400, 'flood', 'You are posting comments too quickly. Slow down.', 'You are posting comments too quickly. Slow down.'],
    ['rest_comment_invalid_post_id', 403, 'invalid-post', 'Sorry, you are not allowed to create this comment without a post.', 'Sorry, you are not allowed to create this comment without a post.'],
    ['rest_comment_closed', 403, 'closed', 'Sorry, comments are closed for this item.', 'Sorry, comments are closed for this item.'],
    ['rest_comment_author_data_required', 400, 'author-required', 'Creating a comment requires valid author name and email values.', 'Creating a comment requires valid author name and email values.'],
    ['rest_comment_content_invalid', 400, 'content-invalid', 'Invalid comment content.', 'Invalid comment content.'],
    ['comment_content_column_length', 400, 'too-long', 'Comment field exceeds maximum length allowed.', 'Comment field exceeds maximum length allowed.'],
    ['rest_comment_draft_post', 403, 'invalid-post', 'Sorry, you are not allowed to create a comment on this post.', 'Sorry, you are not allowed to create a comment on this post.'],
    ['some_plugin_said_no', 403, 'some_plugin_said_no', 'Spam &amp; eggs.', 'Spam & eggs.'],
  ];
  for (const [code, status, reason, message, shown] of errors) {
    it(`maps ${code} (${status}) to "${reason}" with WordPress's words as plain text for the visitor`, async () => {
      const { fetch } = site(undefined, () => json({ code, message, data: { status } }, status));
      const error = await rejection(make(fetch).submit!(draft(), { signal }));
      expect([error.code, error.status, error.reason, error.serverMessage]).to.deep.equal(['rejected', status, reason, shown]);
      expect(error.message).to.contain(`${SITE}/wp-json/wp/v2/comments`);
    });
  }

  it('says what is wrong with a parameter (rest_invalid_param) from data.params', async () => {
    const { fetch } = site(undefined, () =>
      json({ code: 'rest_invalid_param', message: 'Invalid parameter(s): author_email', data: { status: 400, params: { author_email: 'Invalid email address.' } } }, 400),
    );
    const error = await rejection(make(fetch).submit!(draft(), { signal }));
    expect([error.reason, error.serverMessage]).to.deep.equal(['invalid-param', 'Invalid email address.']);
  });

  it('reports a server failure as http, a lost connection as network, and HTML as invalid-response', async () => {
    const server = site(undefined, () => json({ code: 'rest_comment_failed_create', message: 'Creating comment failed.' }, 500));
    const failed = await rejection(make(server.fetch).submit!(draft(), { signal }));
    expect([failed.code, failed.status, failed.serverMessage]).to.deep.equal(['http', 500, undefined]);
    expect(failed.message).to.contain('Creating comment failed.').and.to.contain(`${SITE}/wp-json/wp/v2/comments`);

    const offline = site(undefined, () => {
      throw new TypeError('Failed to fetch');
    });
    const lost = await rejection(make(offline.fetch).submit!(draft(), { signal }));
    expect(lost.code).to.equal('network');
    expect(posted(offline.calls)).to.have.length(1); // a POST is never retried: it may have been stored

    const page = site(undefined, () => html('<b>Fatal error</b>: Allowed memory size exhausted', 500));
    const broken = await rejection(make(page.fetch).submit!(draft(), { signal }));
    expect(broken.code).to.equal('invalid-response');
    expect(broken.message).to.contain(`${SITE}/wp-json/wp/v2/comments`);
  });

  it('on another origin, answers 401 rest_comment_login_required as cross-origin, telling developers what to add', async () => {
    const { calls, fetch } = site(undefined, () =>
      json({ code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: { status: 401 } }, 401),
    );
    const error = await rejection(make(fetch).submit!(draft(), { signal }));
    // Logging in would not help the reader: WordPress's "you must be logged in" is not shown to them.
    expect([error.code, error.status, error.reason, error.serverMessage]).to.deep.equal(['rejected', 401, 'cross-origin', undefined]);
    expect(error.message).to.contain("add_filter( 'rest_allow_anonymous_comments', '__return_true' );");
    expect(calls.some((c) => c.url.pathname.endsWith('wp-comments-post.php'))).to.equal(false);
  });

  it('posts as the logged-in visitor with the nonce: X-WP-Nonce, cookies, no name or email', async () => {
    const { calls, fetch } = site(undefined, (url, init) => {
      if (route(url) === '/wp/v2/users/me') return json({ id: 3, name: 'Reader &amp; Rita' });
      return init.method === 'POST' ? json(raw(302, { author: 3, author_name: 'Reader Rita' }), 201) : json({}, 404);
    });
    const adapter = make(fetch, { nonce: 'abc123def4' });
    await list(adapter);
    expect(adapter.capabilities.identity).to.deep.equal({ name: 'Reader & Rita' });
    expect(adapter.capabilities.fields).to.deep.equal({ name: 'hidden', email: 'hidden', url: false });
    const me = calls.find((c) => route(c.url) === '/wp/v2/users/me')!;
    expect([new Headers(me.init.headers).get('X-WP-Nonce'), me.init.credentials]).to.deep.equal(['abc123def4', 'include']);
    // The list itself goes without the nonce: a custom header would cost every reader a preflight.
    expect(new Headers(calls.find((c) => route(c.url) === '/wp/v2/comments')!.init.headers).has('X-WP-Nonce')).to.equal(false);

    await adapter.submit!(draft({ author: { name: '', email: '' } }), { signal });
    const [post] = posted(calls);
    expect(new Headers(post!.init.headers).get('X-WP-Nonce')).to.equal('abc123def4');
    expect(post!.init.credentials).to.equal('include');
    expect(JSON.parse(post!.init.body as string)).to.not.have.any.keys('author_name', 'author_email', 'author_url');
  });

  it('treats a nonce WordPress rejects as an anonymous visitor', async () => {
    const { fetch } = site(undefined, () => json({ code: 'rest_not_logged_in', message: 'You are not currently logged in.' }, 401));
    const adapter = make(fetch, { nonce: 'stale' });
    await list(adapter);
    expect(adapter.capabilities.identity).to.equal(undefined);
    expect(adapter.capabilities.fields.email).to.equal('required');
  });
});

describe('wordpress adapter: a visitor the page says is signed in', () => {
  const here = () => location.origin;
  function signedInSite() {
    return stub((url) => {
      if (url.pathname === '/wp-admin/admin-ajax.php') return new Response('f00dfeed42', { status: 200 });
      if (route(url) === '/wp/v2/users/me') return json({ id: 3, name: 'Reader Rita' });
      return json([]);
    });
  }

  it('asks its own site for a nonce (rest-nonce) and lists as the visitor, with no nonce in the page', async () => {
    const { calls, fetch } = signedInSite();
    const adapter = make(fetch, { endpoint: here(), signedIn: true });
    await list(adapter);
    const ajax = calls.find((c) => c.url.pathname === '/wp-admin/admin-ajax.php')!;
    expect([ajax.url.searchParams.get('action'), ajax.init.credentials]).to.deep.equal(['rest-nonce', 'same-origin']);
    const me = calls.find((c) => route(c.url) === '/wp/v2/users/me')!;
    expect(new Headers(me.init.headers).get('X-WP-Nonce')).to.equal('f00dfeed42');
    expect(adapter.capabilities.identity).to.deep.equal({ name: 'Reader Rita' });
  });

  it('asks for no nonce when the page does not say so, or the site is another origin', async () => {
    for (const options of [{ endpoint: here() }, { endpoint: SITE, signedIn: true }]) {
      const { calls, fetch } = signedInSite();
      const adapter = make(fetch, options);
      await list(adapter);
      expect(calls.some((c) => c.url.pathname === '/wp-admin/admin-ajax.php'), JSON.stringify(options)).to.equal(false);
      expect(adapter.capabilities.identity).to.equal(undefined);
    }
  });
});

describe('wordpress adapter: posting through the comment form handler (same origin)', () => {
  const here = () => location.origin;
  const loginRequired = () =>
    json({ code: 'rest_comment_login_required', message: 'Sorry, you must be logged in to comment.', data: { status: 401 } }, 401);
  const handler = (calls: Call[]) => calls.filter((c) => c.url.pathname === '/wp-comments-post.php');

  /** A same-origin WordPress whose REST API refuses guests and whose form handler answers `classic`. */
  function stockSite(classic: Handler) {
    return stub((url, init) => {
      if (url.pathname === '/wp-comments-post.php') return classic(url, init);
      if (route(url) === '/wp/v2/posts/42') return json({ id: 42, author: 1, comment_status: 'open' });
      return init.method === 'POST' ? loginRequired() : json([]);
    });
  }

  it('posts the comment_form() fields and reads a held comment from unapproved=ID', async () => {
    const { calls, fetch } = stockSite(() =>
      landedAt(json([]), `${here()}/wp-json/wp/v2/comments?post=42&parent=5&unapproved=77&moderation-hash=abc#comment-77`),
    );
    const adapter = make(fetch, { endpoint: here() });
    const comment = await adapter.submit!(draft({ parentId: '5' }), { signal });
    const [form] = handler(calls);
    const fields = Object.fromEntries(new URLSearchParams(form!.init.body as string));
    expect(fields).to.deep.include({
      comment_post_ID: '42',
      comment_parent: '5',
      comment: 'Thanks for the article.',
      author: 'Ann',
      email: 'ann@example.org',
      url: 'https://ann.example',
    });
    // WordPress redirects to redirect_to: the newest comments under the same parent, as JSON.
    const back = new URL(fields['redirect_to']!);
    expect([route(back), back.searchParams.get('parent'), back.searchParams.get('orderby')]).to.deep.equal(['/wp/v2/comments', '5', 'id']);
    expect(form!.init.credentials).to.equal('same-origin');
    expect(comment).to.deep.include({ id: '77', parentId: '5', status: 'pending', body: { format: 'text', value: 'Thanks for the article.' } });
    expect(comment.author).to.deep.equal({ name: 'Ann', url: 'https://ann.example' });

    // Once REST said no, the next comment goes straight to the form handler.
    await adapter.submit!(draft({ content: 'Another one' }), { signal });
    expect(calls.filter((c) => c.init.method === 'POST').map((c) => c.url.pathname)).to.deep.equal([
      '/wp-json/wp/v2/comments',
      '/wp-comments-post.php',
      '/wp-comments-post.php',
    ]);
  });

  it('finds an approved comment in the list WordPress redirected to', async () => {
    const { fetch } = stockSite(() =>
      landedAt(
        json([
          raw(80, { author_name: 'Ann', content: { rendered: '<p>Thanks for the article &#8230; really.</p>\n' }, author: 1 }),
          raw(79, { content: { rendered: '<p>Thanks for the article.</p>\n' } }),
        ]),
        `${here()}/wp-json/wp/v2/comments?post=42&parent=0`,
      ),
    );
    const comment = await make(fetch, { endpoint: here() }).submit!(draft({ content: 'Thanks for the article... really.' }), { signal });
    expect([comment.id, comment.status, comment.body.format]).to.deep.equal(['80', 'approved', 'html']);
  });

  it('falls back to the form handler, with cookies, when WordPress rejects a stale nonce', async () => {
    const { calls, fetch } = stub((url, init) => {
      if (url.pathname === '/wp-comments-post.php') return landedAt(json([]), `${here()}/wp-json/wp/v2/comments?unapproved=90`);
      if (route(url) === '/wp/v2/users/me') return json({ id: 3, name: 'Reader Rita' });
      if (init.method === 'POST') {
        return json({ code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: { status: 403 } }, 403);
      }
      return json([]);
    });
    const adapter = make(fetch, { endpoint: here(), nonce: 'stale00000' });
    await list(adapter);
    const comment = await adapter.submit!(draft({ author: { name: '', email: '' } }), { signal });
    expect([comment.id, comment.status, comment.author.name]).to.deep.equal(['90', 'pending', 'Reader Rita']);
    expect(handler(calls)[0]!.init.credentials).to.equal('same-origin');
  });

  it('finds the handler at the WordPress address when WordPress lives in its own directory', async () => {
    const { calls, fetch } = stub((url, init) => {
      if (url.pathname === '/wp-json/') return json({ url: `${here()}/wp` });
      if (url.pathname === '/wp/wp-comments-post.php') return landedAt(json([]), `${here()}/wp-json/wp/v2/comments?unapproved=91`);
      if (url.pathname === '/wp-comments-post.php') return html('<h1>Not Found</h1>', 404);
      return init.method === 'POST' ? loginRequired() : json([]);
    });
    const comment = await make(fetch, { endpoint: here() }).submit!(draft(), { signal });
    expect(comment.id).to.equal('91');
    expect(calls.filter((c) => c.init.method === 'POST').map((c) => c.url.pathname)).to.deep.equal([
      '/wp-json/wp/v2/comments',
      '/wp-comments-post.php',
      '/wp/wp-comments-post.php',
    ]);
  });

  it('reports a cancelled post as aborted', async () => {
    const { fetch } = stockSite(() => json([]));
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(make(fetch, { endpoint: here() }).submit!(draft(), { signal: controller.signal }));
    expect(error.code).to.equal('aborted');
  });

  it('tells emoji-only comments apart when finding the new one', async () => {
    const { fetch } = stockSite(() =>
      landedAt(
        json([raw(82, { content: { rendered: '<p>👍</p>\n' } }), raw(81, { content: { rendered: '<p>🎉</p>\n' } })]),
        `${here()}/wp-json/wp/v2/comments?post=42&parent=0`,
      ),
    );
    const comment = await make(fetch, { endpoint: here() }).submit!(draft({ content: '🎉' }), { signal });
    expect(comment.id).to.equal('81');
  });

  const refusals: [string, Response, string, string | undefined][] = [
    ['409 JSON (duplicate)', json({ code: 'wp_die', message: '<p>Duplicate comment detected; it looks as though you&#8217;ve already said that!</p>', data: { status: 409 } }, 409), 'duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!'],
    // wp_die()'s HTML page, for a site whose handler ignores Accept (a plugin's own wp_die handler, say).
    ['409 HTML (duplicate)', html('<html><body id="error-page"><div class="wp-die-message"><p>Duplicate comment detected; it looks as though you&#8217;ve already said that!</p></div></body></html>', 409), 'duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!'],
    ['429 HTML (flood)', html('<html><body id="error-page"><div class="wp-die-message"><p>You are posting comments too quickly. Slow down.</p></div></body></html>', 429), 'flood', 'You are posting comments too quickly. Slow down.'],
    ['200 JSON (required fields)', json({ code: 'wp_die', message: '<p><strong>Error:</strong> Please fill the required fields.</p>', data: { status: 200 } }), 'author-required', 'Please fill the required fields.'],
    ['200 HTML (empty comment)', html('<div class="wp-die-message"><p><strong>Error:</strong> Please type your comment text.</p></div>'), 'content-invalid', 'Please type your comment text.'],
    ['403 JSON (closed)', json({ code: 'wp_die', message: '<p>Sorry, comments are closed for this item.</p>', data: { status: 403 } }, 403), 'closed', 'Sorry, comments are closed for this item.'],
    ['403 JSON (registration required)', json({ code: 'wp_die', message: '<p>Sorry, you must be logged in to comment.</p>', data: { status: 403 } }, 403), 'login-required', 'Sorry, you must be logged in to comment.'],
    // WordPress gave no words: the element says it in its own.
    ['empty 200 (a trashed post)', html(''), 'rejected', undefined],
  ];
  for (const [what, response, reason, message] of refusals) {
    it(`maps the handler's ${what} to "${reason}"`, async () => {
      const { fetch } = stockSite(() => response.clone());
      const error = await rejection(make(fetch, { endpoint: here() }).submit!(draft(), { signal }));
      expect([error.code, error.status, error.reason, error.serverMessage]).to.deep.equal(['rejected', response.status, reason, message]);
      expect(error.url).to.equal(`${here()}/wp-comments-post.php`);
      expect(error.message).to.contain(error.url);
    });
  }
});
