// Runs only through `npm run test:isso` (scripts/test-isso.mjs), which boots Isso's own server seeded
// with the model page's thread and serves its address as /__integration-env.js.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { isso } from '../../../src/adapters/isso.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import '../../../src/define.js';
import { article, fill, loaded, parts, shadow, submit } from '../../helpers.js';
import { rejection } from '../../adapters/stub.js';

const env = (await import('/__integration-env.js' as string)) as { endpoint: string; path: string };
const signal = new AbortController().signal;
const draft = (content: string, name: string, parentId: string | null = null) => ({ postId: env.path, parentId, content, author: { name, email: '' } });


/** The comment whose replies list holds a comment, or null at the top. */
const parentOf = (el: CommentThread, id: string) =>
  article(el, id)!.closest('li')!.parentElement!.closest('li')?.querySelector('article')?.dataset.commentId ?? null;

describe('isso adapter against a real Isso server', () => {
  it('lists the seeded thread in two levels with dates, rendered markdown and websites', async () => {
    const { comments, total, cursor } = await isso({ endpoint: env.endpoint }).list({ postId: env.path, order: 'oldest', signal });
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
    expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['1', null],
      ['2', '1'],
      ['3', '1'],
      ['4', null],
      ['5', null],
      ['6', null],
      ['7', '6'],
    ]);
    expect(comments[0]!.createdAt).to.equal('2012-01-20T20:30:00.250Z');
    expect(comments[2]!.body.value).to.contain('about it &amp; come back');
    const gerald = comments[3]!;
    expect(gerald.body.value).to.contain('<em>Masters Thesis</em>');
    expect(gerald.author).to.deep.equal({ name: 'Gerald Kleyer', url: 'http://gerald.example.org/' });
  });

  it('pages top-level comments with limit and offset', async () => {
    const adapter = isso({ endpoint: env.endpoint, pageSize: 3 });
    const first = await adapter.list({ postId: env.path, order: 'newest', signal });
    expect(first.comments.filter((c) => c.parentId === null).map((c) => c.id)).to.deep.equal(['6', '5', '4']);
    expect(first.cursor).to.equal('3');
    const second = await adapter.list({ postId: env.path, order: 'newest', signal, cursor: first.cursor! });
    expect(second.comments.filter((c) => c.parentId === null).map((c) => c.id)).to.deep.equal(['1']);
    expect(second.cursor).to.equal(null);
  });

  it('renders in <comment-thread backend="isso"> and posts a reply, which Isso files under the root', async () => {
    const el = await fixture<CommentThread>(
      html`<comment-thread backend="isso" endpoint=${env.endpoint} post-id=${env.path} loading="eager" min-fill-time="0"></comment-thread>`,
    );
    await loaded(el);
    expect(parts(el, 'error')).to.have.length(0);
    expect(shadow(el).querySelectorAll('article[data-comment-id]')).to.have.length(7);
    expect(parentOf(el, '3')).to.equal('1');

    article(el, '2')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const form = article(el, '2')!.closest('li')!.querySelector<HTMLFormElement>('form')!;
    fill(form, { content: 'Thanks, *found* them <script>alert(1)</script>', name: 'Tom & Jerry <3' });
    const submitted = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await submitted;
    await el.updateComplete;
    expect(detail.comment).to.include({ parentId: '1', status: 'approved' });
    const placed = article(el, detail.comment.id)!;
    expect(parentOf(el, detail.comment.id)).to.equal('1');
    expect(placed.querySelector('[part~="author"]')!.textContent!.trim()).to.equal('Tom & Jerry <3');
    expect(placed.querySelector('[part~="body"] em')!.textContent).to.equal('found');
    expect(placed.querySelector('script')).to.equal(null);

    const { comments } = await isso({ endpoint: env.endpoint }).list({ postId: env.path, order: 'oldest', signal });
    const stored = comments.find((c) => c.id === detail.comment.id)!;
    expect(stored.parentId).to.equal('1');
    expect(stored.author.name).to.equal('Tom & Jerry <3');
  });

  it('reads the reason from Isso’s error page for a comment that is too short', async () => {
    const error = await rejection(isso({ endpoint: env.endpoint }).submit!(draft('Hi', 'Sarah Bernolet'), { signal }));
    expect(error).to.include({ code: 'rejected', status: 400, reason: 'content-invalid' });
  });

  it('refuses replying to your own comment while it can still be edited', async () => {
    const adapter = isso({ endpoint: env.endpoint });
    const { comments } = await adapter.list({ postId: env.path, order: 'oldest', signal });
    const own = comments.find((c) => c.author.name === 'Tom & Jerry <3')!;
    const error = await rejection(adapter.submit!(draft('Replying to myself.', 'Tom & Jerry <3', own.id), { signal }));
    expect(error).to.include({ status: 403, reason: 'reply-to-self' });
  });

  it('says so when this address posted too often in a minute', async () => {
    const adapter = isso({ endpoint: env.endpoint });
    // The reply above was one; Isso's ratelimit here is two a minute.
    const second = await adapter.submit!(draft('A second thought on the thesis.', 'Sarah Bernolet'), { signal });
    expect(second.status).to.equal('approved');
    const error = await rejection(adapter.submit!(draft('And a third one.', 'Sarah Bernolet'), { signal }));
    expect(error).to.include({ code: 'rejected', status: 403, reason: 'rate-limited' });
    expect(error.serverMessage).to.equal('Too many comments from this address: please wait a minute and try again.');
  });
});
