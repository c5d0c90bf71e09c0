// The "from everywhere" demo's services, answered locally (no network): the paths and shapes of each API
// the page's adapters really request, filled from the recorded fixtures in test/fixtures/backends/.
//   Mastodon   GET /api/v1/statuses/:id/context, /api/v1/statuses/:id, …/favourited_by, …/reblogged_by
//   Bluesky    GET /xrpc/app.bsky.feed.searchPosts (finding the post from the account), getPostThread,
//              getPosts, getLikes, getRepostedBy, com.atproto.identity.resolveHandle
//   Webmention GET /api/mentions.jf2 (paged as webmention.io pages), /api/count.json
// POST /demo/everywhere/outage {"bluesky": true} makes every Bluesky request answer 503 until it is
// set back, so the page can show a source that fails, and Retry.
import { readFileSync } from 'node:fs';

const fixtures = new URL('../test/fixtures/backends/', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'));

/** The page the demo's post is about: what the Bluesky post links to, and what the Webmentions target. */
export const PAGE_URL = 'https://blog.example/2012/01/model-page/';
const BLUESKY_POST = 'at://did:plc:sarah00000000000000000000/app.bsky.feed.post/3kmodelpage22';

const person = (name, handle) => ({ id: handle, username: handle, display_name: name, url: `https://mastodon.example/@${handle}` });
const actor = (name, handle) => ({ did: `did:plc:${handle.replace(/\W/g, '')}`, handle, displayName: name });

const mastodon = {
  status: { id: '109384210000000000', favourites_count: 14, reblogs_count: 3 },
  favourited_by: [person('Michelle', 'michelle'), person('Gerald', 'gerald'), person('Dana Whit', 'dana'), person('Priya', 'priya')],
  reblogged_by: [person('Tomás', 'tomas'), person('Gerald', 'gerald')],
};
const bluesky = {
  likes: [actor('Lena Park', 'lena.example.org'), actor('Sam', 'sam.example.org'), actor('Ode', 'ode.example.org')],
  repostedBy: [actor('Lena Park', 'lena.example.org')],
};

/** Whether each service is made to fail, as the page's switch sets it. */
export const outage = { bluesky: false };

function json(res, status, data) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(data));
  return true;
}

/** Answers the demo's service requests; false for any other path. */
export async function everywhere(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  const query = url.searchParams;

  if (path === '/demo/everywhere/outage') {
    if (req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const wanted = JSON.parse(text || '{}');
      if (typeof wanted.bluesky === 'boolean') outage.bluesky = wanted.bluesky;
    }
    return json(res, 200, outage);
  }

  let m;
  if ((m = /^\/api\/v1\/statuses\/(\d+)(\/context|\/favourited_by|\/reblogged_by)?$/.exec(path))) {
    if (m[2] === '/context') return json(res, 200, read('mastodon/context.json'));
    if (m[2] === '/favourited_by') return json(res, 200, mastodon.favourited_by);
    if (m[2] === '/reblogged_by') return json(res, 200, mastodon.reblogged_by);
    return json(res, 200, mastodon.status);
  }

  if (path.startsWith('/xrpc/')) {
    if (outage.bluesky) return json(res, 503, { error: 'InternalServerError', message: 'The demo switched Bluesky off.' });
    switch (path.slice('/xrpc/'.length)) {
      case 'com.atproto.identity.resolveHandle':
        return json(res, 200, read('bluesky/resolveHandle.json'));
      case 'app.bsky.feed.searchPosts': {
        // The account's posts that link the page: one, whose card is the page.
        const linked = query.get('url') === PAGE_URL && query.get('author') === 'sarah.example.org';
        const post = {
          uri: BLUESKY_POST,
          author: { handle: 'sarah.example.org' },
          record: { text: 'New on the blog: the connection between human trafficking and terrorism.' },
          embed: { $type: 'app.bsky.embed.external#view', external: { uri: PAGE_URL, title: 'The Connection Between Human Trafficking and Terrorism' } },
          likeCount: bluesky.likes.length,
          repostCount: bluesky.repostedBy.length,
        };
        return json(res, 200, { posts: linked ? [post] : [] });
      }
      case 'app.bsky.feed.getPostThread':
        return json(res, 200, read('bluesky/getPostThread.json'));
      case 'app.bsky.feed.getPosts':
        return json(res, 200, { posts: [{ uri: BLUESKY_POST, author: { handle: 'sarah.example.org' }, likeCount: 9, repostCount: 2 }] });
      case 'app.bsky.feed.getLikes':
        return json(res, 200, { uri: query.get('uri'), likes: bluesky.likes.map((a) => ({ actor: a, createdAt: '2012-01-21T00:00:00Z', indexedAt: '2012-01-21T00:00:00Z' })) });
      case 'app.bsky.feed.getRepostedBy':
        return json(res, 200, { uri: query.get('uri'), repostedBy: bluesky.repostedBy });
      default:
        return json(res, 400, { error: 'MethodNotImplemented' });
    }
  }

  if (path === '/api/count.json') return json(res, 200, read('webmention/count.json'));
  if (path === '/api/mentions.jf2') {
    if (query.getAll('wm-property[]').includes('like-of')) {
      // The recorded faces live on hosts a machine without network cannot reach: initials instead.
      const feed = read('webmention/reactions.jf2.json');
      for (const entry of feed.children) if (entry.author) delete entry.author.photo;
      return json(res, 200, feed);
    }
    const feed = read('webmention/mentions.jf2.json');
    const size = Number(query.get('per-page') ?? 20);
    const from = Number(query.get('page') ?? 0) * size;
    return json(res, 200, { ...feed, children: feed.children.slice(from, from + size) });
  }
  return false;
}
