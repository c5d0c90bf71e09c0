// Large threads render progressively. These tests assert behaviour, never time: the first chunk is on
// the page before the rest, everything arrives in order, a comment posted meanwhile is not lost, a
// reply touches only its own subtree, and past the render limit "Load more comments" shows the rest.
// (The numbers are npm run bench's job.) The slices run on a task queue the test drives by hand, so
// "while the rest is still rendering" holds however fast or busy the machine is.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment, Draft } from '../../src/model/schemas.js';
import { buildThread, type ThreadNode } from '../../src/model/thread.js';
import { byBrowser, byHand, runUntil } from '../hand-tasks.js';
import { comment } from '../fixtures.js';
import { article, fill, part, scripted, shadow, submit } from '../helpers.js';

/**
 * `n` comments, oldest first: two in five top-level, the others answering the comment before them
 * (chains up to depth 4), one minute apart.
 */
function bigThread(n: number): Comment[] {
  const depth: number[] = [];
  return Array.from({ length: n }, (_, i) => {
    const top = i === 0 || i % 5 < 2 || depth[i - 1] >= 4;
    depth.push(top ? 1 : depth[i - 1] + 1);
    return comment(`c${i + 1}`, top ? null : `c${i}`, new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString());
  });
}

/** Ids in the order a reader meets them: depth first, as the model orders them. */
function readingOrder(nodes: readonly ThreadNode[]): string[] {
  return nodes.flatMap((node) => [node.comment.id, ...readingOrder(node.replies)]);
}

const ids = (el: CommentThread) =>
  [...shadow(el).querySelectorAll<HTMLElement>('article[data-comment-id]')].map((a) => a.dataset.commentId!);

/** An adapter serving `comments` that accepts every post, as a server would, with an id of its own. */
function backend(comments: Comment[]) {
  let next = 0;
  return scripted({
    list: async () => ({ comments, total: comments.length, cursor: null }),
    submit: async (draft: Draft) => ({
      ...comment(`new-${++next}`, draft.parentId, new Date(Date.UTC(2030, 0, 1)).toISOString(), draft.author.name),
      body: { format: 'text' as const, value: draft.content },
    }),
  });
}

/** The element, resolved once its first comments are on the page (the rest waits for the test). */
async function render(comments: Comment[]) {
  const el = await fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id="1" .adapter=${backend(comments)}></comment-thread>`,
  );
  let loaded = false;
  void oneEvent(el, 'comment-load').then(() => (loaded = true));
  await runUntil(() => loaded, 'comment-load never came');
  await el.updateComplete;
  return el;
}

const allRendered = (el: CommentThread, count: number) =>
  runUntil(() => ids(el).length >= count, `not all ${count} comments were rendered`);

async function reply(el: CommentThread, to: string, content: string) {
  article(el, to)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
  await el.updateComplete;
  const form = article(el, to)!.closest('li')!.querySelector<HTMLFormElement>('form')!;
  fill(form, { content, name: 'Reader', email: 'reader@example.org' });
  const submitted = oneEvent(el, 'comment-submitted');
  submit(form);
  const { detail } = await submitted;
  await el.updateComplete;
  return detail.comment;
}

// The submit path loads on first use; loaded up front, a reply lands while the thread is still rendering.
before(() => import('../../src/components/comment-thread/send.js'));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  byHand();
});

// Whatever a test left waiting finishes on the browser's own queue.
afterEach(byBrowser);

describe('<comment-thread> progressive rendering', function () {
  // Thousands of comments through Lit's development build: slow on a busy machine, and never timed here.
  this.timeout(60_000);

  it('shows a first chunk before the rest, then every comment, in reading order', async () => {
    const comments = bigThread(1500);
    const el = await render(comments);
    const first = ids(el).length;
    expect(first).to.be.greaterThan(0);
    expect(first).to.be.lessThan(comments.length);
    await allRendered(el, comments.length);
    expect(ids(el)).to.deep.equal(readingOrder(buildThread(comments)));
  });

  it('loses nothing when a reply is posted while the rest is still rendering', async () => {
    const comments = bigThread(1800);
    const el = await render(comments);
    const posted = await reply(el, 'c1', 'A reply while the thread is still arriving');
    expect(ids(el).length, 'the reply lands mid-rendering').to.be.lessThan(comments.length);
    expect(article(el, posted.id), 'shown at once').to.exist;
    await allRendered(el, comments.length + 1);
    const order = ids(el);
    expect(order.filter((id) => id === posted.id)).to.have.length(1);
    expect(order).to.deep.equal(readingOrder(buildThread([...comments, posted])));
    expect(article(el, posted.id)!.closest('li')!.parentElement!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('c1');
  });

  it('shows a top-level comment posted mid-rendering at once, and once, at its place', async () => {
    const comments = bigThread(1800);
    const el = await render(comments);
    const form = shadow(el).querySelector<HTMLFormElement>('#form-top')!;
    fill(form, { content: 'A new top-level comment', name: 'Reader', email: 'reader@example.org' });
    const submitted = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await submitted;
    await el.updateComplete;
    expect(ids(el).length).to.be.lessThan(comments.length + 1);
    expect(article(el, detail.comment.id), 'shown at once').to.exist;
    await allRendered(el, comments.length + 1);
    const order = ids(el);
    expect(order.filter((id) => id === detail.comment.id)).to.have.length(1);
    expect(order.at(-1)).to.equal(detail.comment.id);
  });

  it('re-renders only the subtree a reply goes into', async () => {
    const comments = bigThread(1500);
    const el = await render(comments);
    await allRendered(el, comments.length);
    await el.updateComplete;
    const before = new Map([...shadow(el).querySelectorAll<HTMLElement>('article')].map((a) => [a.dataset.commentId!, a]));
    const target = `c${comments.length / 2 + 2}`;
    const top = article(el, target)!.closest('[part~="list"] > li')!;

    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add(r.target)));
    observer.observe(shadow(el), { childList: true, subtree: true, attributes: true, characterData: true });
    const posted = await reply(el, target, 'Only this subtree changes');
    observer.disconnect();

    const list = part(el, 'list')!;
    for (const node of touched) {
      if (list.contains(node)) expect(top.contains(node), 'a mutation outside the reply’s subtree').to.be.true;
    }
    for (const [id, element] of before) expect(article(el, id), `comment ${id} was re-created`).to.equal(element);
    expect(top.contains(article(el, posted.id))).to.be.true;
  });

  it('stops at its render limit with "Load more comments", which shows the rest', async () => {
    const comments = bigThread(2600);
    const el = await render(comments);
    await runUntil(() => !!part(el, 'load-more'), 'no Load more button');
    const shown = ids(el).length;
    expect(shown).to.be.lessThan(comments.length);
    expect(ids(el)).to.deep.equal(readingOrder(buildThread(comments)).slice(0, shown));
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await allRendered(el, comments.length);
    await runUntil(() => !part(el, 'load-more'), 'Load more stayed after everything was shown');
    expect(ids(el)).to.deep.equal(readingOrder(buildThread(comments)));
  });
});
