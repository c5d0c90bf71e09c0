import { expect } from '@open-wc/testing';
import { artalk, backend } from '../../src/adapters/artalk.js';
import { fixtureFetch, json, loadFixture, type RawJson } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const endpoint = 'https://artalk.example.org';
const pageKey = '/2012/01/model-page/';
const draft = { postId: pageKey, content: 'Thanks, I found the groups.', author: { name: 'Gerald Kleyer', email: 'gerald@example.org', url: 'http://gerald.example.org/' } };

function fixtures() {
  const answer = fixtureFetch('artalk');
  return recording((url, init) => answer(url.href, init));
}

async function listWith(change: (list: RawJson) => void, options: Partial<Parameters<typeof artalk>[0]> = {}) {
  const list = await loadFixture('artalk/comments.json');
  change(list);
  return artalk({ endpoint, site: 'Blog', fetch: async () => json(list), ...options }).list({ postId: pageKey, order: 'oldest', signal });
}

describe('artalk adapter', () => {
  it('nests every comment under its `rid` parent, at any depth', async () => {
    const { comments, total, cursor } = await artalk({ endpoint, site: 'Blog', fetch: fixtures().fetch }).list({ postId: pageKey, order: 'oldest', signal });
    expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['101', null],
      ['102', '101'],
      ['103', '102'],
      ['104', null],
      ['105', null],
      ['106', null],
      ['107', '106'],
    ]);
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
  });

  it('reads zone-less dates in Artalk’s default zone, Asia/Shanghai', async () => {
    const { comments } = await artalk({ endpoint, site: 'Blog', fetch: fixtures().fetch }).list({ postId: pageKey, order: 'oldest', signal });
    expect(comments[0]!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
    expect(comments[6]!.createdAt).to.equal('2013-04-16T02:08:00.000Z');
  });

  it('reads dates in the zone the server is set to, across daylight saving, or at a fixed offset', async () => {
    const dated = (date: string, timeZone: string) =>
      listWith((list) => (list.comments[0].date = date), { timeZone }).then((page) => page.comments[0]!.createdAt);
    expect(await dated('2012-01-20 21:30:00', 'Europe/Paris')).to.equal('2012-01-20T20:30:00.000Z');
    expect(await dated('2012-07-20 22:30:00', 'Europe/Paris')).to.equal('2012-07-20T20:30:00.000Z');
    expect(await dated('2012-03-11 03:30:00', 'America/New_York')).to.equal('2012-03-11T07:30:00.000Z');
    expect(await dated('2012-01-21 02:00:00', '+05:30')).to.equal('2012-01-20T20:30:00.000Z');
    expect(await dated('2012-01-21 02:00:00', 'UTC')).to.equal('2012-01-21T02:00:00.000Z');
    expect(() => artalk({ endpoint, site: 'Blog', timeZone: 'Mars/Olympus' })).to.throw(RangeError);
  });

  it('renders the server’s cleaned HTML, never the raw markdown', async () => {
    const { comments } = await listWith((list) => {
      list.comments[0].content = '<img src=x onerror=alert(1)> **raw**';
      list.comments[0].content_marked = '<p><strong>raw</strong></p>';
    });
    expect(comments[0]!.body).to.deep.equal({ format: 'html', value: '<p><strong>raw</strong></p>' });
  });

  it('maps the author: website, avatar from the email hash, badge as post author, votes as likes', async () => {
    const { comments } = await artalk({ endpoint, site: 'Blog', fetch: fixtures().fetch }).list({ postId: pageKey, order: 'oldest', signal });
    const [michelle, sarah, , gerald] = comments;
    expect(michelle!.author.avatarUrl).to.equal(`https://www.gravatar.com/avatar/${'7e396d84ad021d59c0456adf540062d4506dd24530e0d3c699332190f18a4d44'}?sha256=1&d=mp&s=240`);
    expect(michelle!.author.isPostAuthor).to.equal(undefined);
    expect(sarah!.author.isPostAuthor).to.equal(true);
    expect(gerald!.author.url).to.equal('http://gerald.example.org/');
    expect(gerald!.likes).to.equal(5);
    const own = await listWith((list) => (list.comments[0].link = 'javascript:alert(1)'), { avatar: 'https://cravatar.example/{hash}.png' });
    expect(own.comments[0]!.author.url).to.equal(undefined);
    expect(own.comments[0]!.author.avatarUrl).to.match(/^https:\/\/cravatar\.example\/[0-9a-f]{64}\.png$/);
  });

  it('asks by page key and site, and pages top-level comments with limit and offset', async () => {
    const { calls, fetch } = fixtures();
    const adapter = artalk({ endpoint: `${endpoint}/`, site: 'Blog', fetch, pageSize: 3 });
    const first = await adapter.list({ postId: pageKey, order: 'newest', signal });
    expect(calls[0]!.url.origin + calls[0]!.url.pathname).to.equal(`${endpoint}/api/v2/comments`);
    expect(Object.fromEntries(calls[0]!.url.searchParams)).to.deep.equal({ page_key: pageKey, site_name: 'Blog', limit: '3', offset: '0', sort_by: 'date_desc' });
    expect(first.comments.map((c) => c.id)).to.deep.equal(['106', '107', '105', '104']);
    expect(first.cursor).to.equal('3');
    const second = await adapter.list({ postId: pageKey, order: 'newest', signal, cursor: first.cursor! });
    expect(second.comments.map((c) => c.id)).to.deep.equal(['101', '102', '103']);
    expect(second.cursor).to.equal(null);
  });

  it('posts a reply with its parent as `rid`, the page key and the site', async () => {
    const { calls, fetch } = fixtures();
    const adapter = artalk({ endpoint, site: 'Blog', fetch });
    const posted = await adapter.submit!({ ...draft, parentId: '103' }, { signal });
    expect(calls[0]!.method).to.equal('POST');
    expect(calls[0]!.body).to.include({ name: 'Gerald Kleyer', email: 'gerald@example.org', link: 'http://gerald.example.org/', content: draft.content, rid: 103, page_key: pageKey, site_name: 'Blog' });
    expect(posted).to.include({ parentId: '103', status: 'approved' });
    const { comments } = await adapter.list({ postId: pageKey, order: 'oldest', signal });
    expect(comments.find((c) => c.id === posted.id)!.parentId).to.equal('103');
  });

  it('shows a comment held by `pending_default` as pending', async () => {
    const created = { ...(await loadFixture('artalk/comment-create.json')), is_pending: true };
    const posted = await artalk({ endpoint, site: 'Blog', fetch: async () => json(created) }).submit!({ ...draft, parentId: null }, { signal });
    expect(posted.status).to.equal('pending');
  });

  it('turns the captcha demand into a "captcha" refusal with a time to wait and Artalk’s words', async () => {
    const captcha = await loadFixture('artalk/captcha-required.json');
    const error = await rejection(artalk({ endpoint, site: 'Blog', fetch: async () => json(captcha, 403) }).submit!({ ...draft, parentId: null }, { signal }));
    expect(error).to.include({ code: 'rejected', status: 403, reason: 'captcha', retryAfter: 60 });
    expect(error.serverMessage).to.equal((captcha as { msg?: string }).msg);
    expect(error.message).to.contain(`${endpoint}/api/v2/comments`);
  });

  it('reports login demands, unknown sites and Artalk’s own messages', async () => {
    const fail = (body: unknown, status: number) =>
      rejection(artalk({ endpoint, site: 'Blog', fetch: async () => json(body, status) }).submit!({ ...draft, parentId: null }, { signal }));
    expect(await fail({ msg: 'Admin access required', need_login: true }, 403)).to.include({ reason: 'login-required', serverMessage: 'Admin access required' });
    expect((await fail({ msg: 'Site name cannot be empty', err_no_site: true }, 400)).reason).to.equal('invalid-post');
    expect(await fail({ msg: 'Invalid Email' }, 400)).to.include({ code: 'rejected', serverMessage: 'Invalid Email' });
    const failed = await fail({ msg: 'Comment failed' }, 500);
    expect([failed.code, failed.serverMessage]).to.deep.equal(['http', undefined]);
    expect(failed.message).to.contain('The comment server answered 500: Comment failed').and.to.contain(failed.url!);
  });

  it('takes the site and the time zone from the endpoint’s query for backend="artalk"', async () => {
    const { calls, fetch } = fixtures();
    const adapter = backend({ endpoint: `${endpoint}/?site=My%20Blog&tz=Europe/Paris`, postId: pageKey, depth: 5 });
    expect(adapter.key).to.equal(`artalk:${endpoint}/:My Blog`);
    // The attribute path has no fetch option: it uses the page's.
    const original = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      const { comments } = await adapter.list({ postId: pageKey, order: 'oldest', signal });
      expect(calls[0]!.url.origin + calls[0]!.url.pathname).to.equal(`${endpoint}/api/v2/comments`);
      expect(calls[0]!.url.searchParams.get('site_name')).to.equal('My Blog');
      expect(comments[0]!.createdAt).to.equal('2012-01-21T03:30:00.000Z');
    } finally {
      globalThis.fetch = original;
    }
  });
});
