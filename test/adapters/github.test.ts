import { expect } from '@open-wc/testing';
import { github, linkedPage, parseIssue } from '../../src/adapters/github.js';
import { fixtureFetch, json, loadFixture } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const issue = 'sarah-anderson/blog#1';

function fixtures() {
  const answer = fixtureFetch('github');
  return recording((url, init) => answer(url.href, init));
}

const ids = (comments: { id: string }[]) => comments.map((c) => Number(c.id) - 1_000_000_000);

describe('github adapter', () => {
  it('lists an issue’s comments flat, as rendered HTML', async () => {
    const { calls, fetch } = fixtures();
    const { comments, cursor } = await github({ fetch }).list({ postId: issue, order: 'oldest', signal });
    expect(calls[0]!.url.href).to.equal('https://api.github.com/repos/sarah-anderson/blog/issues/1/comments?per_page=100&page=1');
    expect(calls[0]!.headers.get('Accept')).to.equal('application/vnd.github.html+json');
    expect(ids(comments)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    expect(comments.every((c) => c.parentId === null)).to.equal(true);
    expect(cursor).to.equal(null);
    expect(comments[3]!.body).to.deep.equal({
      format: 'html',
      value: '<p>I am writing my <em>Masters Thesis</em> on <a href="http://gerald.example.org/thesis" rel="nofollow noopener">this</a>.</p>',
    });
  });

  it('maps authors, dates, reactions and permalinks; the repository owner is the post’s author', async () => {
    const { comments } = await github({ fetch: fixtures().fetch }).list({ postId: issue, order: 'oldest', signal });
    const [michelle, sarah] = comments;
    expect(michelle!.author).to.deep.equal({
      name: 'michelle',
      url: 'https://github.com/michelle',
      avatarUrl: 'https://avatars.githubusercontent.com/u/5001?v=4',
    });
    expect(michelle!.createdAt).to.equal('2012-01-20T20:30:00Z');
    expect(michelle!.likes).to.equal(3);
    expect(michelle!.permalink).to.equal('https://github.com/sarah-anderson/blog/issues/1#issuecomment-1000000001');
    expect(sarah!.author.isPostAuthor).to.equal(true);
  });

  it('shows a deleted account as “ghost”', async () => {
    const comments = await loadFixture('github/issue-comments.json');
    comments[0].user = null;
    const page = await github({ fetch: async () => json(comments) }).list({ postId: issue, order: 'oldest', signal });
    expect(page.comments[0]!.author).to.deep.equal({ name: 'ghost' });
  });

  it('pages oldest first through the Link header', async () => {
    const adapter = github({ fetch: fixtures().fetch, pageSize: 3 });
    const seen: number[][] = [];
    let cursor: string | null | undefined;
    do {
      const page = await adapter.list({ postId: issue, order: 'oldest', signal, ...(cursor ? { cursor } : {}) });
      seen.push(ids(page.comments));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).to.deep.equal([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('starts from the last page for newest first and walks back', async () => {
    const { calls, fetch } = fixtures();
    const adapter = github({ fetch, pageSize: 3 });
    const first = await adapter.list({ postId: issue, order: 'newest', signal });
    expect(calls.map((c) => c.url.searchParams.get('page'))).to.deep.equal(['1', '3']);
    expect(ids(first.comments)).to.deep.equal([7]);
    expect(first.cursor).to.equal('2');
    const second = await adapter.list({ postId: issue, order: 'newest', signal, cursor: first.cursor! });
    expect(ids(second.comments)).to.deep.equal([4, 5, 6]);
    const third = await adapter.list({ postId: issue, order: 'newest', signal, cursor: second.cursor! });
    expect(ids(third.comments)).to.deep.equal([1, 2, 3]);
    expect(third.cursor).to.equal(null);
  });

  it('reads an issue as owner/repo#n or as its URL, and refuses anything else', async () => {
    expect(parseIssue('octo-org/my.site#42')).to.deep.equal({ owner: 'octo-org', repo: 'my.site', number: '42', url: 'https://github.com/octo-org/my.site/issues/42' });
    expect(parseIssue('https://github.com/octo-org/site/issues/7#issuecomment-1')).to.include({ owner: 'octo-org', repo: 'site', number: '7' });
    const error = await rejection(github({ fetch: fixtures().fetch }).list({ postId: 'octo-org/site', order: 'oldest', signal }));
    expect(error).to.include({ code: 'rejected', reason: 'invalid-post' });
  });

  it('finds next, prev and last pages in a Link header', () => {
    const header = '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"';
    expect(linkedPage(header, 'next')).to.equal('2');
    expect(linkedPage(header, 'last')).to.equal('5');
    expect(linkedPage(header, 'prev')).to.equal(null);
    expect(linkedPage(null, 'next')).to.equal(null);
  });

  it('is read-only and links to the issue to comment there', async () => {
    const adapter = github({ postId: 'https://github.com/sarah-anderson/blog/issues/1' });
    expect(adapter.capabilities).to.deep.include({ post: false, reply: false, replyLink: { url: 'https://github.com/sarah-anderson/blog/issues/1', service: 'github' } });
    expect('submit' in adapter).to.equal(false);
  });

  it('says when the anonymous rate limit is used up and when it resets', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    const body = await loadFixture('github/rate-limited.json');
    const fetch = async () => json(body, 403, { 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });
    const error = await rejection(github({ fetch }).list({ postId: issue, order: 'oldest', signal }));
    expect(error).to.include({ code: 'http', status: 403, reason: 'rate-limited' });
    // The reader's words come from the element's catalog; the developer's message says until when, and where.
    expect(error.message).to.contain(new Date(reset * 1000).toISOString()).and.to.contain(error.url!);
    expect(error.retryAfter).to.be.within(1795, 1800);
  });

  it('tells a missing issue or private repository from other refusals', async () => {
    const list = (response: Response) => github({ fetch: async () => response }).list({ postId: issue, order: 'oldest', signal });
    const missing = await rejection(list(json({ message: 'Not Found' }, 404)));
    expect(missing).to.include({ code: 'http', reason: 'not-found' });
    expect(missing.message).to.contain('not found').and.to.contain(missing.url!);
    // A 403 that is not the rate limit (a blocked repository, say) keeps GitHub's own message.
    const blocked = await rejection(list(json({ message: 'Repository access blocked' }, 403, { 'X-RateLimit-Remaining': '42' })));
    expect([blocked.code, blocked.reason]).to.deep.equal(['http', undefined]);
    expect(blocked.message).to.contain('GitHub answered 403: Repository access blocked');
  });
});
