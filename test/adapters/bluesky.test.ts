import { expect } from '@open-wc/testing';
import { bluesky, richText } from '../../src/adapters/bluesky.js';
import { fixtureFetch, json, loadFixture } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const web = 'https://bsky.app/profile/sarah.example.org/post/3kmodelpage22';
const sarah = 'did:plc:sarah00000000000000000000';
const at = `at://${sarah}/app.bsky.feed.post/3kmodelpage22`;
const uri = (name: string, n: number) => `at://did:plc:${name}/app.bsky.feed.post/3kmodel${String(n).padStart(6, '0')}`;

function fixtures() {
  const answer = fixtureFetch('bluesky');
  return recording((url, init) => answer(url.href, init));
}

/** A facet over the UTF-8 bytes of `part` inside `text`. */
function facet(text: string, part: string, feature: { $type: string; uri?: string; did?: string; tag?: string }) {
  const bytes = new TextEncoder().encode(text);
  const needle = new TextEncoder().encode(part);
  const start = bytes.findIndex((_, i) => needle.every((b, j) => bytes[i + j] === b));
  return { index: { byteStart: start, byteEnd: start + needle.length }, features: [feature] };
}

describe('bluesky adapter', () => {
  it('flattens the reply tree with real parents, skipping posts that are gone or blocked', async () => {
    const { comments, total, cursor } = await bluesky({ fetch: fixtures().fetch }).list({ postId: at, order: 'oldest', signal });
    const byUri = new Map(comments.map((c) => [c.id, c.parentId]));
    expect(byUri).to.deep.equal(
      new Map([
        [uri('michelle0000000000000000', 1), null],
        [uri('sarah00000000000000000000', 2), uri('michelle0000000000000000', 1)],
        [uri('michelle0000000000000000', 3), uri('sarah00000000000000000000', 2)],
        [uri('gerald000000000000000000', 4), null],
        [uri('bernolet0000000000000000', 5), null],
        [uri('csims00000000000000000000', 6), null],
        [uri('sarah00000000000000000000', 7), uri('csims00000000000000000000', 6)],
      ]),
    );
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
  });

  it('resolves a bsky.app handle once, then asks for the thread by at:// URI', async () => {
    const { calls, fetch } = fixtures();
    const adapter = bluesky({ fetch, depth: 5000 });
    await adapter.list({ postId: web, order: 'oldest', signal });
    await adapter.list({ postId: web, order: 'oldest', signal });
    expect(calls.map((c) => c.url.pathname)).to.deep.equal([
      '/xrpc/com.atproto.identity.resolveHandle',
      '/xrpc/app.bsky.feed.getPostThread',
      '/xrpc/app.bsky.feed.getPostThread',
    ]);
    expect(calls[0]!.url.origin).to.equal('https://public.api.bsky.app');
    expect(calls[0]!.url.searchParams.get('handle')).to.equal('sarah.example.org');
    expect(Object.fromEntries(calls[1]!.url.searchParams)).to.deep.equal({ uri: at, depth: '1000', parentHeight: '0' });
  });

  it('maps authors, like counts, permalinks and the post author’s badge', async () => {
    const { comments } = await bluesky({ fetch: fixtures().fetch }).list({ postId: at, order: 'oldest', signal });
    const michelle = comments.find((c) => c.id === uri('michelle0000000000000000', 1))!;
    expect(michelle.author).to.deep.equal({
      name: 'Michelle',
      url: 'https://bsky.app/profile/michelle.bsky.social',
      avatarUrl: 'https://cdn.bsky.app/img/avatar/plain/did:plc:michelle0000000000000000/bafkreiavatar@jpeg',
    });
    expect(michelle.likes).to.equal(3);
    expect(michelle.permalink).to.equal('https://bsky.app/profile/michelle.bsky.social/post/3kmodel000001');
    expect(comments.filter((c) => c.author.isPostAuthor).map((c) => c.author.name)).to.deep.equal(['Sarah Anderson', 'Sarah Anderson']);
    expect(comments.find((c) => c.id === uri('bernolet0000000000000000', 5))!.author).to.deep.equal({
      name: 'bernolet.bsky.social',
      url: 'https://bsky.app/profile/bernolet.bsky.social',
    });
  });

  it('dates a post by its claimed time unless it claims to be later than Bluesky saw it', async () => {
    const thread = await loadFixture('bluesky/getPostThread.json');
    const [first, second] = thread.thread.replies;
    first.post.record.createdAt = '2030-01-01T00:00:00.000Z';
    second.post.record.createdAt = 'yesterday';
    const { comments } = await bluesky({ fetch: async () => json(thread) }).list({ postId: at, order: 'oldest', signal });
    expect(comments.find((c) => c.id === first.post.uri)!.createdAt).to.equal(first.post.indexedAt);
    expect(comments.find((c) => c.id === second.post.uri)!.createdAt).to.equal(second.post.indexedAt);
    expect(comments.find((c) => c.id === uri('michelle0000000000000000', 1))!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
  });

  it('turns link, mention and tag facets into links, counting UTF-8 bytes', async () => {
    const { comments } = await bluesky({ fetch: fixtures().fetch }).list({ postId: at, order: 'oldest', signal });
    expect(comments.find((c) => c.id === uri('gerald000000000000000000', 4))!.body).to.deep.equal({
      format: 'html',
      value:
        '<p>I am writing my Masters Thesis — on this: <a href="http://gerald.example.org/thesis">gerald.example.org/thesis</a> ' +
        '<a href="https://bsky.app/hashtag/research">#research</a></p>',
    });
    expect(comments.find((c) => c.id === uri('michelle0000000000000000', 3))!.body.value).to.equal(
      `<p><a href="https://bsky.app/profile/${sarah}">@sarah.example.org</a> Thank you, Sarah. I will read more about it &#38; come back.</p>`,
    );
  });

  it('escapes the text and links only http(s) URLs, on character boundaries, without overlaps', () => {
    const text = 'é <script>alert(1)</script> click me and here';
    const html = richText(text, [
      facet(text, 'click', { $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }),
      facet(text, 'me', { $type: 'app.bsky.richtext.facet#link', uri: 'https://ok.example/"><script>' }),
      facet(text, 'me and', { $type: 'app.bsky.richtext.facet#link', uri: 'https://overlap.example/' }),
      { index: { byteStart: 1, byteEnd: 3 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://split.example/' }] },
      { index: { byteStart: 40, byteEnd: 400 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://outside.example/' }] },
      facet(text, 'here', { $type: 'app.bsky.richtext.facet#mention', did: 'javascript:alert(1)' }),
    ]);
    expect(html).to.equal(
      '<p>é &#60;script&#62;alert(1)&#60;/script&#62; click <a href="https://ok.example/%22%3E%3Cscript%3E">me</a> and here</p>',
    );
  });

  it('keeps paragraphs and line breaks', () => {
    expect(richText('one\ntwo\n\nthree')).to.equal('<p>one<br>two</p><p>three</p>');
  });

  it('is read-only and offers a link to reply on Bluesky', async () => {
    const adapter = bluesky({ postId: at, fetch: fixtures().fetch });
    expect(adapter.capabilities.post).to.equal(false);
    expect(adapter.capabilities.reply).to.equal(false);
    await adapter.list({ postId: at, order: 'oldest', signal });
    expect(adapter.capabilities.replyLink).to.deep.equal({ url: web, service: 'bluesky' });
  });

  it('refuses what is not a post, and says when the post is not found', async () => {
    const invalid = await rejection(bluesky({ fetch: fixtures().fetch }).list({ postId: 'https://bsky.app/profile/x', order: 'oldest', signal }));
    expect(invalid).to.include({ code: 'rejected', reason: 'invalid-post' });
    const missing = await rejection(
      bluesky({ fetch: async () => json({ error: 'NotFound', message: `Post not found: ${at}` }, 400) }).list({ postId: at, order: 'oldest', signal }),
    );
    expect(missing).to.include({ code: 'http', status: 400, reason: 'not-found' });
    expect(missing.message).to.contain('This Bluesky post was not found').and.to.contain(missing.url!);
    const other = await rejection(bluesky({ fetch: async () => json({ error: 'InvalidRequest', message: 'depth too large' }, 400) }).list({ postId: at, order: 'oldest', signal }));
    expect(other.message).to.contain('Bluesky answered 400: depth too large').and.to.contain(other.url!);
  });
});
