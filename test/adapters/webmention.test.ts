import { expect } from '@open-wc/testing';
import { webmention, WEBMENTION_HELP } from '../../src/adapters/webmention.js';
import { json } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const target = 'https://blog.example/2012/01/model-page/';
const fixture = (name: string) => fetch(new URL(`../fixtures/backends/webmention/${name}`, import.meta.url)).then((r) => r.json());

/** webmention.io as its documentation describes it, answering from the fixtures. */
export function webmentionFetch() {
  return recording(async (url) => {
    const properties = url.searchParams.getAll('wm-property[]');
    if (url.pathname === '/api/count.json') return json(await fixture('count.json'));
    if (url.pathname === '/api/mentions.jf2' && properties.includes('like-of')) return json(await fixture('reactions.jf2.json'));
    if (url.pathname === '/api/mentions.jf2') {
      // Paged as webmention.io pages: `per-page` entries of page `page`, counted from 0.
      const feed = await fixture('mentions.jf2.json');
      const size = Number(url.searchParams.get('per-page') ?? 20);
      const from = Number(url.searchParams.get('page') ?? 0) * size;
      return json({ ...feed, children: feed.children.slice(from, from + size) });
    }
    return json({ error: 'not_found' }, 404);
  });
}

describe('webmention adapter', () => {
  it('asks webmention.io for the replies and mentions of the post URL, oldest first', async () => {
    const { calls, fetch } = webmentionFetch();
    await webmention({ fetch }).list({ postId: target, order: 'oldest', signal });
    const url = calls[0]!.url;
    expect(url.origin + url.pathname).to.equal('https://webmention.io/api/mentions.jf2');
    expect(url.searchParams.get('target')).to.equal(target);
    expect(url.searchParams.get('page')).to.equal('0');
    expect(url.searchParams.get('per-page')).to.equal('50');
    expect(url.searchParams.get('sort-dir')).to.equal('up');
    expect(url.searchParams.getAll('wm-property[]')).to.deep.equal(['in-reply-to', 'mention-of']);
  });

  it('maps replies and mentions with words, and leaves out bare and private ones', async () => {
    const { comments, cursor } = await webmention({ fetch: webmentionFetch().fetch }).list({ postId: target, order: 'oldest', signal });
    expect(comments.map((c) => c.id)).to.deep.equal(['900001', '900002', '900003']);
    const [tantek, , aaron] = comments;
    expect(tantek!.author).to.deep.equal({ name: 'Tantek Example', url: 'https://tantek.example/', avatarUrl: 'https://tantek.example/logo.jpg' });
    expect(tantek!.body.format).to.equal('html');
    expect(tantek!.createdAt).to.equal('2012-01-21T10:00:00.000Z');
    expect(tantek!.permalink).to.equal('https://tantek.example/2012/021/t1/reply-model-page');
    expect(tantek!.parentId).to.equal(null);
    // No name: the author's host; no `published`: when webmention.io received it; text content stays text.
    expect(aaron!.author.name).to.equal('aaron.example');
    expect(aaron!.createdAt).to.equal('2012-06-11T08:00:00.000Z');
    expect(aaron!.body).to.deep.equal({ format: 'text', value: 'Linked from my notes on research methods.' });
    expect(cursor).to.equal(null);
  });

  it('pages with page numbers from 0 while pages come full', async () => {
    const { calls, fetch } = webmentionFetch();
    const adapter = webmention({ fetch, perPage: 5 });
    const first = await adapter.list({ postId: target, order: 'newest', signal });
    expect(first.cursor).to.equal('1');
    await adapter.list({ postId: target, order: 'newest', cursor: first.cursor!, signal });
    expect(calls[1]!.url.searchParams.get('page')).to.equal('1');
    expect(calls[1]!.url.searchParams.get('sort-dir')).to.equal('down');
  });

  it('is read only, with a "Reply from your own site" link explaining Webmention', () => {
    const { capabilities } = webmention();
    expect(capabilities.post).to.equal(false);
    expect(capabilities.reply).to.equal(false);
    expect(capabilities.replyLink).to.deep.equal({ url: WEBMENTION_HELP, service: 'webmention' });
    expect(webmention({ replyUrl: 'https://blog.example/send-a-webmention/' }).capabilities.replyLink!.url).to.equal(
      'https://blog.example/send-a-webmention/',
    );
  });

  it('sums likes and reposts from the count API, with the people of the first page, https faces only', async () => {
    const { calls, fetch } = webmentionFetch();
    const reactions = await webmention({ fetch }).reactions({ postId: target, signal });
    expect(reactions.likes).to.equal(5);
    expect(reactions.reposts).to.equal(1);
    expect(reactions.people.map((p) => [p.kind, p.name])).to.deep.equal([
      ['like', 'Liker One'],
      ['like', 'Plain Http'],
      ['repost', 'Reposter'],
    ]);
    expect(reactions.people[1]!.avatarUrl).to.equal(undefined);
    expect(calls.some((c) => c.url.searchParams.getAll('wm-property[]').join() === 'like-of,repost-of')).to.equal(true);
  });

  it('counts the listed people when the count API fails', async () => {
    const { fetch } = recording(async (url) =>
      url.pathname === '/api/count.json' ? json({ error: 'down' }, 404) : json(await fixture('reactions.jf2.json')),
    );
    const reactions = await webmention({ fetch }).reactions({ postId: target, signal });
    expect([reactions.likes, reactions.reposts]).to.deep.equal([2, 1]);
  });

  it('refuses an answer that is not a jf2 feed', async () => {
    const error = await rejection(webmention({ fetch: async () => json({ links: [] }) }).list({ postId: target, order: 'oldest', signal }));
    expect(error.code).to.equal('invalid-response');
  });
});
