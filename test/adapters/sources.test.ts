import { expect } from '@open-wc/testing';
import { bluesky } from '../../src/adapters/bluesky.js';
import { httpDefaults } from '../../src/adapters/http.js';
import { mastodon } from '../../src/adapters/mastodon.js';
import { memory } from '../../src/adapters/memory.js';
import { blueskySource } from '../../src/adapters/bluesky-source.js';
import { mastodonSource } from '../../src/adapters/mastodon-source.js';
import { sources, SourceError } from '../../src/adapters/sources.js';
import { webmention } from '../../src/adapters/webmention.js';
import { CommentThreadError } from '../../src/model/errors.js';
import type { CommentAdapter } from '../../src/adapters/types.js';
import type { Comment } from '../../src/model/schemas.js';
import { fixtureFetch, fixturePostIds, json } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';
import { webmentionFetch } from './webmention.test.js';

const target = 'https://blog.example/2012/01/model-page/';
const site: Comment[] = [
  { id: '1', parentId: null, author: { name: 'Site Reader' }, createdAt: '2012-03-01T12:00:00Z', body: { format: 'text', value: 'On the site.' }, status: 'approved' },
  { id: '2', parentId: '1', author: { name: 'Sarah Anderson' }, createdAt: '2012-03-02T12:00:00Z', body: { format: 'text', value: 'Thanks.' }, status: 'approved' },
];

function merged(overrides: { bluesky?: typeof fetch; webmentionPerPage?: number } = {}) {
  return sources([
    memory({ comments: site }),
    { adapter: mastodon({ fetch: fixtureFetch('mastodon') }), postId: fixturePostIds.mastodon },
    { adapter: bluesky({ fetch: overrides.bluesky ?? fixtureFetch('bluesky') }), postId: fixturePostIds.bluesky },
    { adapter: webmention({ fetch: webmentionFetch().fetch, ...(overrides.webmentionPerPage ? { perPage: overrides.webmentionPerPage } : {}) }), postId: target },
  ]);
}

/** An adapter of `pages` pages of one comment each, failing (503) once for each listed cursor. */
function pager(name: string, pages: number, failOn: string[] = []) {
  const asked: (string | undefined)[] = [];
  const adapter: CommentAdapter = {
    key: `${name}:`,
    capabilities: memory().capabilities,
    async list({ cursor }) {
      asked.push(cursor);
      const n = Number(cursor ?? 0);
      const failing = failOn.indexOf(String(n));
      if (failing >= 0) {
        failOn.splice(failing, 1);
        throw new CommentThreadError('http', 'Service Unavailable', { status: 503 });
      }
      const comment: Comment = {
        id: `${name}-${n}`,
        parentId: null,
        author: { name },
        createdAt: new Date(Date.UTC(2012, 0, 1 + n, name === 'site' ? 0 : 12)).toISOString(),
        body: { format: 'text', value: `Page ${n} of ${name}` },
        status: 'approved',
      };
      return { comments: [comment], total: pages, cursor: n + 1 < pages ? String(n + 1) : null };
    },
  };
  return { adapter, asked };
}

describe('sources()', () => {
  const retries = httpDefaults.retries;
  before(() => (httpDefaults.retries = 0));
  after(() => (httpDefaults.retries = retries));

  it('keeps the site’s ids and prefixes every other source’s, parents included', async () => {
    const { comments } = await merged().list({ postId: 'model-page', order: 'oldest', signal });
    const byId = new Map(comments.map((c) => [c.id, c]));
    expect(byId.get('1')!.origin).to.deep.equal({ service: 'memory', site: true });
    expect(byId.get('2')!.parentId).to.equal('1');
    expect(byId.get('mastodon:109384210000002000')!.parentId).to.equal('mastodon:109384210000001000');
    expect(byId.get('mastodon:109384210000001000')!.parentId).to.equal(null);
    expect([...byId.keys()].filter((id) => id.startsWith('bluesky:at://')).length).to.be.greaterThan(3);
    expect(byId.has('webmention:900001')).to.equal(true);
  });

  it('orders the comments of all sources together by date, newest first when asked', async () => {
    const oldest = await merged().list({ postId: 'model-page', order: 'oldest', signal });
    const times = oldest.comments.map((c) => Date.parse(c.createdAt));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    const newest = await merged().list({ postId: 'model-page', order: 'newest', signal });
    expect(newest.comments[0]!.createdAt >= newest.comments.at(-1)!.createdAt).to.equal(true);
    expect(new Set(oldest.comments.map((c) => c.origin!.service))).to.deep.equal(new Set(['memory', 'mastodon', 'bluesky', 'webmention']));
  });

  it('shows a reply that came twice (Mastodon, and bridged as a Webmention) once, from Mastodon', async () => {
    const { comments, total } = await merged().list({ postId: 'model-page', order: 'oldest', signal });
    const michelle = comments.filter((c) => c.permalink === 'https://social.example/@michelle/109384210000001000');
    expect(michelle.map((c) => c.id)).to.deep.equal(['mastodon:109384210000001000']);
    expect(comments.some((c) => c.id === 'webmention:900002')).to.equal(false);
    expect(total).to.equal(comments.length);
  });

  it('sends replies to Mastodon and Bluesky comments to those services, and none for Webmentions', async () => {
    const { comments } = await merged().list({ postId: 'model-page', order: 'oldest', signal });
    const toot = comments.find((c) => c.id === 'mastodon:109384210000004000')!;
    expect(toot.origin).to.deep.equal({ service: 'mastodon', replyUrl: toot.permalink });
    const skeet = comments.find((c) => c.id.startsWith('bluesky:'))!;
    expect(skeet.origin!.replyUrl).to.match(/^https:\/\/bsky\.app\/profile\/.+\/post\//);
    expect(comments.find((c) => c.id === 'webmention:900001')!.origin).to.deep.equal({ service: 'webmention' });
  });

  it('shows the others when one source fails, and names the missing one', async () => {
    const adapter = merged({ bluesky: async () => json({ error: 'InternalServerError', message: 'down' }, 503) });
    const { comments } = await adapter.list({ postId: 'model-page', order: 'oldest', signal });
    expect(comments.some((c) => c.id.startsWith('bluesky:'))).to.equal(false);
    expect(comments.some((c) => c.id.startsWith('mastodon:'))).to.equal(true);
    expect(adapter.failures).to.have.length(1);
    const [failure] = adapter.failures;
    expect(failure).to.be.instanceOf(SourceError);
    expect(failure!.source).to.equal('bluesky');
    expect(failure!.code).to.equal('http');
    expect(failure!.status).to.equal(503);
    // The next load that works clears the note.
    const again = merged();
    await again.list({ postId: 'model-page', order: 'oldest', signal });
    expect(again.failures).to.deep.equal([]);
  });

  it('fails with the site’s own error when every source fails', async () => {
    const down = (code: 'timeout' | 'http') => ({
      capabilities: memory().capabilities,
      list: () => Promise.reject(new CommentThreadError(code, `${code} here`)),
    });
    const error = await rejection(sources([down('timeout'), down('http')]).list({ postId: 'p', order: 'oldest', signal }));
    expect(error.code).to.equal('timeout');
  });

  it('keeps each source’s cursor in its own, and asks only the sources with more', async () => {
    const adapter = merged({ webmentionPerPage: 1 });
    const first = await adapter.list({ postId: 'model-page', order: 'oldest', signal });
    expect(JSON.parse(first.cursor!)).to.deep.equal({ webmention: '1' });
    const second = await adapter.list({ postId: 'model-page', order: 'oldest', cursor: first.cursor!, signal });
    // Page 2 of the Webmentions is the bridged copy of a Mastodon reply the first load already holds.
    expect(second.comments).to.deep.equal([]);
    expect(JSON.parse(second.cursor!)).to.deep.equal({ webmention: '2' });
    const third = await adapter.list({ postId: 'model-page', order: 'oldest', cursor: second.cursor!, signal });
    expect(third.comments.map((c) => c.id)).to.deep.equal(['webmention:900003']);
  });

  it('names a source that fails on a later page, keeps the others going, and retries only it from that page', async () => {
    const site = pager('site', 3);
    const other = pager('other', 3, ['1']);
    const adapter = sources([site.adapter, { adapter: other.adapter, name: 'other' }]);
    const first = await adapter.list({ postId: 'p', order: 'oldest', signal });
    expect(JSON.parse(first.cursor!)).to.deep.equal({ site: '1', other: '1' });
    expect(adapter.retryCursor).to.equal(null);

    const second = await adapter.list({ postId: 'p', order: 'oldest', cursor: first.cursor!, signal });
    expect(second.comments.map((c) => c.id)).to.deep.equal(['site-1']);
    expect(adapter.failures.map((f) => f.source)).to.deep.equal(['other']);
    expect(adapter.failures[0]!.status).to.equal(503);
    // Load more goes on with the site alone; the failed source waits for Retry.
    expect(JSON.parse(second.cursor!)).to.deep.equal({ site: '2' });

    const asked = { site: site.asked.length, other: other.asked.length };
    const retried = await adapter.list({ postId: 'p', order: 'oldest', cursor: adapter.retryCursor!, signal });
    expect(site.asked.length, 'the site is not asked again').to.equal(asked.site);
    expect(other.asked.slice(asked.other)).to.deep.equal(['1']);
    expect(retried.comments.map((c) => c.id)).to.deep.equal(['other:other-1']);
    expect(adapter.failures).to.deep.equal([]);
    expect(adapter.retryCursor).to.equal(null);
    expect(JSON.parse(retried.cursor!)).to.deep.equal({ site: '2', other: '2' });

    const third = await adapter.list({ postId: 'p', order: 'oldest', cursor: retried.cursor!, signal });
    expect(third.comments.map((c) => c.id)).to.deep.equal(['site-2', 'other:other-2']);
    expect(third.cursor).to.equal(null);
  });

  it('retries a source that failed on the first page from its first page, and counts it in the total', async () => {
    let down = true;
    const adapter = merged({ bluesky: (async (input: RequestInfo | URL, init?: RequestInit) => (down ? json({ error: 'InternalServerError' }, 503) : fixtureFetch('bluesky')(input, init))) as typeof fetch });
    const first = await adapter.list({ postId: 'model-page', order: 'oldest', signal });
    expect(JSON.parse(adapter.retryCursor!)).to.deep.equal({ '!bluesky': '' });
    down = false;
    const retried = await adapter.list({ postId: 'model-page', order: 'oldest', cursor: adapter.retryCursor!, signal });
    expect(retried.comments.length).to.be.greaterThan(3);
    expect(retried.comments.every((c) => c.id.startsWith('bluesky:'))).to.equal(true);
    expect(retried.total).to.equal(first.total! + retried.comments.length);
    expect(retried.cursor).to.equal(null);
    expect(adapter.failures).to.deep.equal([]);
  });

  it('keeps a source that fails again on its retry named, and shows nothing twice', async () => {
    const other = pager('other', 1, ['0', '0']);
    const adapter = sources([pager('site', 1).adapter, { adapter: other.adapter, name: 'other' }]);
    await adapter.list({ postId: 'p', order: 'oldest', signal });
    const [before] = adapter.failures;
    const again = await adapter.list({ postId: 'p', order: 'oldest', cursor: adapter.retryCursor!, signal });
    expect(again.comments).to.deep.equal([]);
    expect(adapter.failures).to.have.length(1);
    expect(adapter.failures[0]).not.to.equal(before);
    const last = await adapter.list({ postId: 'p', order: 'oldest', cursor: adapter.retryCursor!, signal });
    expect(last.comments.map((c) => c.id)).to.deep.equal(['other:other-0']);
  });

  it('posts through the site’s own backend, and refuses a reply to another service’s comment', async () => {
    const adapter = merged();
    await adapter.list({ postId: 'model-page', order: 'oldest', signal });
    const draft = { postId: 'model-page', parentId: '1', content: 'Hello', author: { name: 'A', email: 'a@example.org' } };
    const posted = await adapter.submit!(draft, { signal });
    expect(posted.parentId).to.equal('1');
    expect(posted.origin).to.deep.equal({ service: 'memory', site: true });
    const error = await rejection(adapter.submit!({ ...draft, parentId: 'mastodon:109384210000001000' }, { signal }));
    expect(error.code).to.equal('rejected');
    expect(adapter.capabilities.post).to.equal(true);
    expect(adapter.links.map((l) => l.service)).to.deep.equal(['mastodon', 'bluesky', 'webmention']);
  });

  it('sums the likes and reposts of every source that has them', async () => {
    const { fetch } = recording(async (url) => {
      if (url.pathname.endsWith('/favourited_by')) return json([{ id: '1', username: 'fan', url: 'https://m.example/@fan', avatar_static: 'https://m.example/fan.png' }]);
      if (url.pathname.endsWith('/reblogged_by')) return json([]);
      return json({ favourites_count: 18, reblogs_count: 3 });
    });
    const adapter = sources([
      memory(),
      mastodonSource({ postId: fixturePostIds.mastodon, fetch }),
      { adapter: webmention({ fetch: webmentionFetch().fetch }), postId: target },
    ]);
    const reactions = await adapter.reactions({ postId: 'model-page', signal });
    expect([reactions.likes, reactions.reposts]).to.deep.equal([23, 4]);
    expect(reactions.people[0]).to.deep.equal({ kind: 'like', name: 'fan', url: 'https://m.example/@fan', avatarUrl: 'https://m.example/fan.png' });
  });
});

describe('finding the post from the page’s URL (best effort)', () => {
  const page = 'https://blog.example/2012/01/model-page/';

  it('Mastodon: looks the account up and scans its posts for a link to the page', async () => {
    const { calls, fetch } = recording(async (url) => {
      if (url.pathname === '/api/v1/accounts/lookup') return json({ id: '42' });
      if (url.pathname === '/api/v1/accounts/42/statuses')
        return json([
          { url: 'https://mastodon.example/@sarah/1', content: '<p>Something else</p>', card: null },
          { url: 'https://mastodon.example/@sarah/109384210000000000', content: `<p>New post: <a href="${page}">model page</a></p>` },
        ]);
      return fixtureFetch('mastodon')(url.href);
    });
    const source = mastodonSource({ account: '@sarah@mastodon.example', pageUrl: page, fetch });
    const { comments } = await source.adapter.list({ postId: 'ignored', order: 'oldest', signal });
    expect(calls[0]!.url.searchParams.get('acct')).to.equal('sarah@mastodon.example');
    expect(calls[1]!.url.searchParams.get('exclude_replies')).to.equal('true');
    expect(comments).to.have.length(7);
    expect(source.adapter.capabilities.replyLink!.url).to.equal('https://mastodon.example/@sarah/109384210000000000');
  });

  it('Mastodon: no post links to the page yet, so the source shows nothing and nothing is wrong', async () => {
    const { fetch } = recording(async (url) => (url.pathname.endsWith('lookup') ? json({ id: '42' }) : json([])));
    const source = mastodonSource({ account: 'sarah@mastodon.example', pageUrl: page, fetch });
    expect((await source.adapter.list({ postId: 'x', order: 'oldest', signal })).comments).to.deep.equal([]);
  });

  it('Bluesky: searches the account’s posts for the link, and keeps the one whose link is the page', async () => {
    const answer = fixtureFetch('bluesky');
    const { calls, fetch } = recording(async (url) => {
      if (url.pathname.endsWith('app.bsky.feed.searchPosts'))
        return json({
          posts: [
            { uri: 'at://did:plc:sarah00000000000000000000/app.bsky.feed.post/3kother', author: { handle: 'sarah.example.org' }, record: { text: 'model page words only' } },
            {
              uri: 'at://did:plc:sarah00000000000000000000/app.bsky.feed.post/3kmodelpage22',
              author: { handle: 'sarah.example.org' },
              record: { text: 'New post', embed: { $type: 'app.bsky.embed.external', external: { uri: page, title: 'Model page' } } },
            },
          ],
        });
      return answer(url.href);
    });
    const source = blueskySource({ account: 'sarah.example.org', pageUrl: page, fetch });
    const { comments } = await source.adapter.list({ postId: 'x', order: 'oldest', signal });
    const search = calls[0]!.url.searchParams;
    expect([search.get('author'), search.get('url')]).to.deep.equal(['sarah.example.org', page]);
    expect(comments.length).to.be.greaterThan(3);
  });

  it('Bluesky: likes and reposts from getPosts, getLikes and getRepostedBy', async () => {
    const { fetch } = recording(async (url) => {
      if (url.pathname.endsWith('resolveHandle')) return json({ did: 'did:plc:sarah00000000000000000000' });
      if (url.pathname.endsWith('getPosts')) return json({ posts: [{ uri: 'at://x/app.bsky.feed.post/1', author: { handle: 'sarah.example.org' }, likeCount: 7, repostCount: 2 }] });
      if (url.pathname.endsWith('getLikes')) return json({ likes: [{ actor: { handle: 'fan.example', avatar: 'https://cdn.example/fan.jpg' } }] });
      return json({ repostedBy: [{ handle: 'booster.example', displayName: 'Booster' }] });
    });
    const source = blueskySource({ postId: fixturePostIds.bluesky, fetch });
    const reactions = await source.adapter.reactions!({ postId: 'x', signal });
    expect([reactions.likes, reactions.reposts]).to.deep.equal([7, 2]);
    expect(reactions.people.map((p) => [p.kind, p.name, p.url])).to.deep.equal([
      ['like', 'fan.example', 'https://bsky.app/profile/fan.example'],
      ['repost', 'Booster', 'https://bsky.app/profile/booster.example'],
    ]);
  });
});
