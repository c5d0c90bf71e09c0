// Shapes no real thread should have, but a backend can send. Behaviour, not time: a reply chain far
// deeper than any stack is built by iteration, and rendered no deeper than the depth cap.
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { buildThread, countThread, type ThreadNode } from '../../src/model/thread.js';
import { comment } from '../fixtures.js';
import { loaded, scripted, until } from '../helpers.js';

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
