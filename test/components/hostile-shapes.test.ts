// Shapes no real thread should have, but a backend can send. Behaviour, not time: a reply chain far
// deeper than any stack is built by iteration, rendered no deeper than the depth cap, and a part at a
// time, each part in a task of its own.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment, Draft } from '../../src/model/schemas.js';
import { buildThread, countThread, type ThreadNode } from '../../src/model/thread.js';
import { comment } from '../fixtures.js';
import { byBrowser, byHand, runOne, runUntil } from '../hand-tasks.js';
import { fill, loaded, scripted, until } from '../helpers.js';

/** `n` comments, each answering the one before it. */
const chain = (n: number): Comment[] =>
  Array.from({ length: n }, (_, i) => comment(`d${i}`, i ? `d${i - 1}` : null, new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString()));

function deepest(nodes: readonly ThreadNode[]): number {
  let max = 0;
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    max = Math.max(max, node.depth);
    for (const reply of node.replies) stack.push(reply);
  }
  return max;
}

describe('hostile shapes', () => {
  it('builds a 200,000-deep reply chain without recursing along it (a recursive walk overflows the stack)', () => {
    const nodes = buildThread(chain(200_000), { maxDepth: 5 });
    expect(nodes).to.have.length(1);
    expect(countThread(nodes)).to.equal(200_000);
    expect(deepest(nodes)).to.equal(5);
    // The rest of the chain is one flat list at the cap, in conversation order, each saying whom it answers.
    const cap = nodes[0].replies[0].replies[0].replies[0].replies;
    expect(cap).to.have.length(200_000 - 4);
    expect(cap[1].inReplyTo).to.deep.equal({ id: 'd4', name: 'Author d4' });
    expect(cap.at(-1)!.comment.id).to.equal('d199999');
  });

  it('renders a 5,000-deep chain no deeper than the depth cap', async () => {
    const comments = chain(5_000);
    const adapter = scripted({ list: async () => ({ comments, total: comments.length, cursor: null }) });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" depth="5" .adapter=${adapter}></comment-thread>`);
    await loaded(el);
    await until(() => el.shadowRoot!.querySelectorAll('article').length >= 100, 'the chain renders');
    const lists = [...el.shadowRoot!.querySelectorAll('[part~="replies"]')];
    let nesting = 0;
    for (const list of lists) {
      let depth = 0;
      for (let at: Element | null = list; at; at = at.parentElement?.closest('[part~="replies"]') ?? null) depth++;
      nesting = Math.max(nesting, depth);
    }
    expect(nesting, 'nested reply lists').to.equal(4);
    expect(el.shadowRoot!.querySelector('[part~="comment"][part~="depth-6"]')).to.equal(null);
  });
});

describe('a 5,000-deep reply chain, shown a part at a time', function () {
  this.timeout(120_000);
  before(() => import('../../src/components/comment-thread/validate.js'));
  beforeEach(() => byHand());
  afterEach(() => byBrowser());

  const ids = (el: CommentThread) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-comment-id]')].map((a) => a.dataset.commentId!);

  async function render(comments: Comment[]) {
    let next = 0;
    const adapter = scripted({
      list: async () => ({ comments, total: comments.length, cursor: null }),
      submit: async (draft: Draft) => ({
        ...comment(`new-${++next}`, draft.parentId, new Date(Date.UTC(2030, 0, 1)).toISOString(), draft.author.name),
        body: { format: 'text' as const, value: draft.content },
      }),
    });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" min-fill-time="0" depth="5" post-id="1" .adapter=${adapter}></comment-thread>`);
    let done = false;
    void oneEvent(el, 'comment-load').then(() => (done = true));
    await runUntil(() => done, 'comment-load never came');
    await el.updateComplete;
    return el;
  }

  it('renders its first comments alone, the rest in later tasks, each a bounded part, in reading order', async () => {
    const comments = chain(5_000);
    const el = await render(comments);
    const order = comments.map((c) => c.id);
    const first = ids(el).length;
    expect(first, 'the first render').to.be.within(1, 50);
    expect(ids(el)).to.deep.equal(order.slice(0, first));
    // Each task adds a chunk (at most 400 comments), never the rest of the subtree at once.
    let shown = first;
    // A list of replies is made again once, when it grows long enough to be kept in blocks; after that
    // no comment shown is made again.
    let early: Element | null = null;
    while (!el.shadowRoot!.querySelector('[part~="load-more"]')) {
      if (shown > 100) early ??= el.shadowRoot!.querySelector('article[data-comment-id="d100"]');
      expect(await runOne(), 'a task is waiting while comments are missing').to.equal(true);
      await el.updateComplete;
      const now = ids(el).length;
      expect(now - shown, 'comments one task added').to.be.at.most(400);
      shown = now;
    }
    // One subtree alone may not fill the page past a limit: "Load more comments" shows the rest.
    expect(shown).to.be.within(100, 600);
    expect(ids(el)).to.deep.equal(order.slice(0, shown));
    const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]:not([disabled])');
    let clicks = 0;
    let before = shown;
    await runUntil(() => {
      if (more() && ids(el).length < comments.length) {
        expect(ids(el).length - before, 'comments one "Load more" added').to.be.at.most(600);
        before = ids(el).length;
        more()!.click();
        clicks++;
      }
      return ids(el).length === comments.length && !el.shadowRoot!.querySelector('[part~="load-more"]');
    }, 'not every comment was shown');
    expect(clicks).to.be.within(8, 12);
    expect(ids(el)).to.deep.equal(order);
    expect(early).to.exist;
    expect(el.shadowRoot!.querySelector('article[data-comment-id="d100"]'), 'a comment shown is never made again').to.equal(early);
    expect(el.shadowRoot!.querySelector('[part~="comment"][part~="depth-6"]')).to.equal(null);
  });

  it('shows a reply posted into the part not yet shown at once, and once', async () => {
    const comments = chain(600);
    const el = await render(comments);
    const shown = ids(el);
    const target = shown.at(-1)!;
    el.shadowRoot!.querySelector<HTMLElement>(`article[data-comment-id="${target}"] [part~="reply-button"]`)!.click();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector<HTMLFormElement>('form[part~="reply-form"]')!;
    fill(form, { content: 'Past the cut', name: 'Reader', email: 'reader@example.org' });
    const submitted = oneEvent(el, 'comment-submitted');
    form.requestSubmit();
    const { detail } = await submitted;
    await el.updateComplete;
    expect(ids(el)).to.include(detail.comment.id);
    expect(ids(el).length, 'the rest of the chain is still to come').to.be.lessThan(comments.length);
    await runUntil(() => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]:not([disabled])')?.click();
      return ids(el).length === comments.length + 1;
    }, 'not every comment was shown');
    const all = ids(el);
    expect(all.filter((id) => id === detail.comment.id)).to.have.length(1);
    // At the depth cap a reply comes after the replies shown there before it: at the end of the chain.
    expect(all.at(-1)).to.equal(detail.comment.id);
  });
});
