// Runs only through `npm run test:waline` (scripts/test-waline.mjs), which boots Waline's own server
// seeded with the model page's thread and serves its address as /__waline-env.js.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waline } from '../../../src/adapters/waline.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import '../../../src/define.js';
import type { Comment } from '../../../src/model/schemas.js';
import { article, fill, loaded, parts, shadow, submit } from '../../helpers.js';
import { rejection } from '../../adapters/stub.js';

const env = (await import('/__integration-env.js' as string)) as { endpoint: string; path: string };
const signal = new AbortController().signal;
const byName = (comments: Comment[], name: string) => comments.filter((c) => c.author.name === name);


describe('waline adapter against a real Waline server', () => {
  it('lists the seeded thread with real parents, UTC dates and rendered HTML', async () => {
    const { comments, total, cursor } = await waline({ endpoint: env.endpoint }).list({ postId: env.path, order: 'oldest', signal });
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
    const [michelle, michelleAgain] = byName(comments, 'Michelle');
    const sarah = byName(comments, 'Sarah Anderson');
    expect(michelle!.parentId).to.equal(null);
    expect(michelle!.createdAt).to.equal('2012-01-20T20:30:00.000Z');
    expect(sarah[0]!.parentId).to.equal(michelle!.id);
    // Waline's own UI shows this one under the root; the adapter keeps the comment it answers.
    expect(michelleAgain!.parentId).to.equal(sarah[0]!.id);
    const gerald = byName(comments, 'Gerald Kleyer')[0]!;
    expect(gerald.author.url).to.equal('http://gerald.example.org/');
    expect(gerald.body.format).to.equal('html');
    expect(gerald.body.value).to.contain('<em>Masters Thesis</em>');
    expect(gerald.author.avatarUrl).to.match(/^https:\/\//);
  });

  it('counts a like on the server, and takes it back', async () => {
    const adapter = waline({ endpoint: env.endpoint });
    const { comments } = await adapter.list({ postId: env.path, order: 'oldest', signal });
    const target = byName(comments, 'Sarah Bernolet')[0]!;
    const before = target.likes ?? 0;
    expect(adapter.capabilities.likes).to.equal(true);
    expect(await adapter.like!(target.id, { postId: env.path, signal })).to.equal(before + 1);
    const after = await adapter.list({ postId: env.path, order: 'oldest', signal });
    expect(after.comments.find((c) => c.id === target.id)!.likes).to.equal(before + 1);
    expect(await adapter.unlike!(target.id, { postId: env.path, signal })).to.equal(before);
    const back = await adapter.list({ postId: env.path, order: 'oldest', signal });
    expect(back.comments.find((c) => c.id === target.id)!.likes ?? 0).to.equal(before);
  });

  it('pages through top-level comments with their replies', async () => {
    const adapter = waline({ endpoint: env.endpoint, pageSize: 3 });
    const first = await adapter.list({ postId: env.path, order: 'newest', signal });
    expect(first.cursor).to.equal('2');
    expect(first.comments.filter((c) => c.parentId === null).map((c) => c.author.name)).to.deep.equal([
      'christopher sims',
      'Sarah Bernolet',
      'Gerald Kleyer',
    ]);
    const second = await adapter.list({ postId: env.path, order: 'newest', signal, cursor: first.cursor! });
    expect(second.cursor).to.equal(null);
    expect(second.comments.map((c) => c.author.name)).to.deep.equal(['Michelle', 'Sarah Anderson', 'Michelle']);
  });

  it('renders the thread in <comment-thread backend="waline"> and posts a reply to a reply from its form', async () => {
    const el = await fixture<CommentThread>(
      html`<comment-thread backend="waline" endpoint=${env.endpoint} post-id=${env.path} loading="eager" min-fill-time="0"></comment-thread>`,
    );
    await loaded(el);
    expect(parts(el, 'error')).to.have.length(0);
    const articles = [...shadow(el).querySelectorAll<HTMLElement>('article[data-comment-id]')];
    expect(articles).to.have.length(7);
    const { comments } = await waline({ endpoint: env.endpoint }).list({ postId: env.path, order: 'oldest', signal });
    const [, answer] = byName(comments, 'Michelle');
    const sarah = byName(comments, 'Sarah Anderson');
    // Michelle's answer is shown inside Sarah's reply, not flattened to the root as Waline's UI does.
    expect(article(el, answer!.id)!.closest('li')!.parentElement!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal(sarah[0]!.id);

    const parent = sarah[1]!;
    article(el, parent.id)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const form = article(el, parent.id)!.closest('li')!.querySelector<HTMLFormElement>('form')!;
    fill(form, { content: 'Thanks, *found* them <script>alert(1)</script>', name: 'christopher sims', email: 'chris@example.org', url: 'https://chris.example.org/' });
    const submitted = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await submitted;
    await el.updateComplete;
    expect(detail.comment).to.include({ parentId: parent.id, status: 'approved' });
    const placed = article(el, detail.comment.id)!;
    expect(placed.closest('li')!.parentElement!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal(parent.id);
    expect(placed.querySelector('[part~="body"] em')!.textContent).to.equal('found');
    expect(placed.querySelector('script')).to.equal(null);

    // What the server stored: the real parent, and the comment for every reader.
    const after = await waline({ endpoint: env.endpoint }).list({ postId: env.path, order: 'oldest', signal });
    expect(after.total).to.equal(8);
    const stored = after.comments.find((c) => c.id === detail.comment.id)!;
    expect(stored.parentId).to.equal(parent.id);
    expect(stored.author).to.include({ name: 'christopher sims', url: 'https://chris.example.org/' });
    expect(stored.body.value).not.to.contain('<script');
  });

  it('reports the server refusing the same comment twice as a duplicate', async () => {
    const adapter = waline({ endpoint: env.endpoint });
    const error = await rejection(
      adapter.submit!(
        {
          postId: env.path,
          parentId: null,
          content: 'Great overview of the research, thank you.',
          author: { name: 'Sarah Bernolet', email: 'sarah.bernolet@example.org' },
        },
        { signal },
      ),
    );
    expect(error.code).to.equal('rejected');
    expect(error.reason).to.equal('duplicate');
    expect(error.serverMessage).to.equal('Duplicate Content');
  });

  // Waline allows one comment per IP address a minute (IPQPS): the reply above was this minute's.
  it('reports a second comment within a minute as too fast', async () => {
    const error = await rejection(
      waline({ endpoint: env.endpoint }).submit!(
        { postId: env.path, parentId: null, content: 'One more thought.', author: { name: 'Michelle', email: 'michelle@example.org' } },
        { signal },
      ),
    );
    expect(error.reason).to.equal('flood');
    expect(error.serverMessage).to.equal('Comment too fast!');
  });
});
