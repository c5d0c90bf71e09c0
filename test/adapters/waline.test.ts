import { expect } from '@open-wc/testing';
import { waline } from '../../src/adapters/waline.js';
import { fixtureFetch, json, loadFixture } from '../fixtures/backends/index.js';
import { html, recording, rejection, signal } from './stub.js';

const endpoint = 'https://waline.example.org';
const path = '/2012/01/model-page/';
const draft = { postId: path, content: 'Thanks, I found the groups.', author: { name: 'Gerald Kleyer', email: 'gerald@example.org', url: 'http://gerald.example.org/' } };

function fixtures() {
  const answer = fixtureFetch('waline');
  return recording((url, init) => answer(url.href, init));
}

describe('waline adapter', () => {
  it('nests each reply under the comment it answers, below Waline’s two levels', async () => {
    const { comments, total, cursor } = await waline({ endpoint, fetch: fixtures().fetch }).list({ postId: path, order: 'oldest', signal });
    expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['1', null],
      ['2', '1'],
      ['3', '2'],
      ['4', null],
      ['5', null],
      ['6', null],
      ['7', '6'],
    ]);
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
  });

  it('turns epoch milliseconds into ISO dates and maps authors, bodies and likes', async () => {
    const { comments } = await waline({ endpoint, fetch: fixtures().fetch }).list({ postId: path, order: 'oldest', signal });
    const [michelle, sarah, , gerald] = comments;
    expect(michelle!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
    expect(michelle!.likes).to.equal(3);
    expect(michelle!.author.avatarUrl).to.match(/^https:\/\/seccdn\.libravatar\.org\/avatar\//);
    expect(sarah!.author).to.include({ name: 'Sarah Anderson', url: 'https://sarah.example.org/', isPostAuthor: true });
    expect(gerald!.body).to.deep.equal({
      format: 'html',
      value: '<p>I am writing my <em>Masters Thesis</em> on <a href="http://gerald.example.org/thesis" rel="nofollow noopener">this</a>.</p>',
    });
    expect(gerald!.author.url).to.equal('http://gerald.example.org/');
    expect(gerald!.status).to.equal('approved');
  });

  it('asks for the page key as `path`, oldest or newest first, with the page size', async () => {
    const { calls, fetch } = fixtures();
    const adapter = waline({ endpoint: `${endpoint}/`, fetch, pageSize: 500, lang: 'fr' });
    await adapter.list({ postId: path, order: 'newest', signal });
    const { url } = calls[0]!;
    expect(url.origin + url.pathname).to.equal(`${endpoint}/api/comment`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ path, page: '1', pageSize: '100', sortBy: 'insertedAt_desc', lang: 'fr' });
  });

  it('pages through top-level comments, each page with all its replies', async () => {
    const adapter = waline({ endpoint, fetch: fixtures().fetch, pageSize: 3 });
    const first = await adapter.list({ postId: path, order: 'oldest', signal });
    expect(first.comments.map((c) => c.id)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(first.cursor).to.equal('2');
    const second = await adapter.list({ postId: path, order: 'oldest', signal, cursor: first.cursor! });
    expect(second.comments.map((c) => c.id)).to.deep.equal(['6', '7']);
    expect(second.cursor).to.equal(null);
  });

  it('reads the legacy API: no /api/ prefix, no envelope, ISO insertedAt', async () => {
    const { calls, fetch } = fixtures();
    const { comments } = await waline({ endpoint, fetch, legacy: true }).list({ postId: path, order: 'oldest', signal });
    expect(calls[0]!.url.pathname).to.equal('/comment');
    expect(comments).to.have.length(7);
    expect(comments[2]!.parentId).to.equal('2');
    expect(comments[0]!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
  });

  it('falls back to the root when `pid` names a comment missing from the page', async () => {
    const file = await loadFixture('waline/comment-list.json');
    file.data.data[0].children[1].pid = 999;
    const { comments } = await waline({ endpoint, fetch: async () => json(file) }).list({ postId: path, order: 'oldest', signal });
    expect(comments.find((c) => c.id === '3')!.parentId).to.equal('1');
  });

  it('names nameless comments Anonymous and links a scheme-less website over http', async () => {
    const file = await loadFixture('waline/comment-list.json');
    Object.assign(file.data.data[1], { nick: '', link: 'gerald.example.org' });
    Object.assign(file.data.data[2], { link: 'javascript:alert(1)' });
    const { comments } = await waline({ endpoint, fetch: async () => json(file) }).list({ postId: path, order: 'oldest', signal });
    expect(comments.find((c) => c.id === '4')!.author).to.include({ name: 'Anonymous', url: 'http://gerald.example.org/' });
    expect(comments.find((c) => c.id === '5')!.author.url).to.equal(undefined);
  });

  it('posts a reply to a reply with its real parent, the root and the name answered', async () => {
    const { calls, fetch } = fixtures();
    const adapter = waline({ endpoint, fetch });
    await adapter.list({ postId: path, order: 'oldest', signal });
    const posted = await adapter.submit!({ ...draft, parentId: '7' }, { signal });
    const post = calls.at(-1)!;
    expect(post.method).to.equal('POST');
    expect(post.url.pathname).to.equal('/api/comment');
    expect(post.url.searchParams.get('lang')).to.equal('en');
    expect(post.body).to.include({ url: path, comment: draft.content, nick: 'Gerald Kleyer', mail: 'gerald@example.org', link: 'http://gerald.example.org/', pid: 7, rid: 6, at: 'Sarah Anderson' });
    expect(posted).to.include({ parentId: '7', status: 'approved' });
    expect(posted.body.value).to.equal('<p>Thanks, I found the groups.</p>\n');
    const again = await adapter.list({ postId: path, order: 'oldest', signal });
    expect(again.comments.find((c) => c.id === posted.id)!.parentId).to.equal('7');
  });

  it('shows a comment held by COMMENT_AUDIT as pending', async () => {
    const created = await loadFixture('waline/comment-create.json');
    created.data.status = 'waiting';
    const posted = await waline({ endpoint, fetch: async () => json(created) }).submit!({ ...draft, parentId: null }, { signal });
    expect(posted.status).to.equal('pending');
  });

  it('reports refusals Waline sends with HTTP 200 and a non-zero errno', async () => {
    const duplicate = await loadFixture('waline/comment-duplicate.json');
    const adapter = (body: unknown) => waline({ endpoint, fetch: async () => json(body) });
    const dup = await rejection(adapter(duplicate).submit!({ ...draft, parentId: null }, { signal }));
    expect(dup).to.include({ code: 'rejected', reason: 'duplicate', serverMessage: 'Duplicate Content' });
    expect(dup.message).to.contain(`${endpoint}/api/comment`);
    const fast = await rejection(adapter({ errno: 1000, errmsg: 'Comment too fast!', data: '' }).submit!({ ...draft, parentId: null }, { signal }));
    expect(fast.reason).to.equal('flood');
    // In the language `lang` asked for (Waline's zh-CN and de locales).
    const zh = await rejection(adapter({ errno: 1000, errmsg: '发送的内容之前已经发过', data: '' }).submit!({ ...draft, parentId: null }, { signal }));
    expect(zh).to.include({ reason: 'duplicate', serverMessage: '发送的内容之前已经发过' });
    const de = await rejection(adapter({ errno: 1000, errmsg: 'Sie kommentieren zu schnell, bitte warten Sie einen Moment!', data: '' }).submit!({ ...draft, parentId: null }, { signal }));
    expect(de.reason).to.equal('flood');
    const invalid = await rejection(adapter({ errno: 1001, errmsg: { url: 'url is required' } }).submit!({ ...draft, parentId: null }, { signal }));
    expect(invalid).to.include({ reason: 'content-invalid', serverMessage: 'url is required' });
    const list = await rejection(adapter({ errno: 1000, errmsg: '' }).list({ postId: path, order: 'oldest', signal }));
    expect([list.code, list.reason, list.serverMessage]).to.deep.equal(['rejected', '1000', undefined]);
    expect(list.message).to.contain('errno 1000');
  });

  it('explains a 403 (SECURE_DOMAINS, captcha) and a 401 (login required)', async () => {
    const forbidden = await rejection(
      waline({ endpoint, fetch: async () => json({ errno: 403, errmsg: 'Forbidden' }, 403) }).list({ postId: path, order: 'oldest', signal }),
    );
    expect(forbidden).to.include({ code: 'rejected', status: 403, reason: 'forbidden' });
    expect(forbidden.message).to.contain('SECURE_DOMAINS');
    const login = await rejection(
      waline({ endpoint, fetch: async () => json({ errno: 401, errmsg: 'Unauthorized' }, 401) }).submit!({ ...draft, parentId: null }, { signal }),
    );
    expect(login.reason).to.equal('login-required');
  });

  it('names the URL when the server answers HTML instead of JSON', async () => {
    const error = await rejection(
      waline({ endpoint, fetch: async () => html('<!doctype html><title>Vercel</title>', 200) }).list({ postId: path, order: 'oldest', signal }),
    );
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.contain(`${endpoint}/api/comment?path=`);
  });

  it('sends a login token when given one', async () => {
    const { calls, fetch } = fixtures();
    await waline({ endpoint, fetch, token: 'jwt.token' }).list({ postId: path, order: 'oldest', signal });
    expect(calls[0]!.headers.get('Authorization')).to.equal('Bearer jwt.token');
  });
});
