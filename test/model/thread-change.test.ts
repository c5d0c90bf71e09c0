import { expect } from '@open-wc/testing';
import { buildThread, countThread, findNode, type ThreadNode } from '../../src/model/thread.js';
import { removeComment, removeFromThread, repliesOf, replaceComment, replaceInThread } from '../../src/model/thread-change.js';
import { comment } from '../fixtures.js';

const at = (minute: number) => new Date(Date.UTC(2020, 0, 1, 0, minute)).toISOString();
// 1 ← 2 ← 3 ← 4, and 5 on its own.
const flat = [comment('1', null, at(1)), comment('2', '1', at(2)), comment('3', '2', at(3)), comment('4', '3', at(4)), comment('5', null, at(5))];
const ids = (nodes: readonly ThreadNode[]) => nodes.map((n) => n.comment.id);

describe('changing a built thread', () => {
  it('replaces one comment, copying only the path to it', () => {
    const nodes = buildThread(flat, { maxDepth: 5 });
    const edited = { ...flat[2]!, body: { format: 'text' as const, value: 'Edited.' } };
    const next = replaceInThread(nodes, edited);
    expect(findNode(next, '3')!.comment.body.value).to.equal('Edited.');
    expect(next[1]).to.equal(nodes[1]);
    expect(next[0]).not.to.equal(nodes[0]);
    expect(findNode(next, '4')).to.equal(findNode(nodes, '4'));
    expect(replaceInThread(nodes, comment('9', null, at(9)))).to.equal(nodes);
  });

  it('removes comments with what hangs under them, and recounts the sizes on the way', () => {
    const nodes = buildThread(flat, { maxDepth: 5 });
    const next = removeFromThread(nodes, new Set(['3']));
    expect(countThread(next)).to.equal(3);
    expect(next[0]!.size).to.equal(2);
    expect(findNode(next, '4')).to.equal(undefined);
    expect(next[1]).to.equal(nodes[1]);
    expect(ids(removeFromThread(nodes, new Set(['1'])))).to.deep.equal(['5']);
    expect(removeFromThread(nodes, new Set(['9']))).to.equal(nodes);
  });

  it('removes replies shown past the depth cap, which sit beside the comment they answer', () => {
    const nodes = buildThread(flat, { maxDepth: 2 });
    // Level 2 holds 2, then 3 and 4 "in reply to".
    expect(ids(nodes[0]!.replies)).to.deep.equal(['2', '3', '4']);
    const gone = new Set(['3', ...repliesOf(flat, '3')]);
    const next = removeFromThread(nodes, gone);
    expect(ids(next[0]!.replies)).to.deep.equal(['2']);
    expect(next[0]!.size).to.equal(2);
  });

  it('finds every reply below a comment, and cannot loop on a parent cycle', () => {
    expect([...repliesOf(flat, '1')].sort()).to.deep.equal(['2', '3', '4']);
    expect([...repliesOf(flat, '5')]).to.deep.equal([]);
    const cycle = [comment('a', 'b', at(1)), comment('b', 'a', at(2))];
    expect([...repliesOf(cycle, 'a')]).to.deep.equal(['b']);
  });

  it('deletes a comment: a placeholder while it has replies, the replies too where the backend deleted them', () => {
    const held = { comments: flat, pending: [], nodes: buildThread(flat, { maxDepth: 5 }) };
    const kept = removeComment(held, '2', false)!;
    expect(kept).to.deep.include({ kept: true, placeholders: 1, uncounted: 1, gone: [] });
    expect(findNode(kept.nodes, '2')!.comment).to.deep.include({ deleted: true, own: false });
    expect(countThread(kept.nodes)).to.equal(5);
    const all = removeComment(held, '2', true)!;
    expect(all).to.deep.include({ kept: false, uncounted: 3 });
    expect([...all.gone].sort()).to.deep.equal(['2', '3', '4']);
    expect(all.comments.map((c) => c.id)).to.deep.equal(['1', '5']);
    expect(removeComment(held, '9', false)).to.equal(undefined);
  });

  it('takes a placeholder away with its last reply', () => {
    const thread = [comment('1', null, at(1), 'Ann', { deleted: true }), comment('2', '1', at(2)), comment('3', null, at(3))];
    const change = removeComment({ comments: thread, pending: [], nodes: buildThread(thread) }, '2', false)!;
    expect([...change.gone].sort()).to.deep.equal(['1', '2']);
    expect(change).to.deep.include({ placeholders: -1, uncounted: 1 });
    expect(ids(change.nodes)).to.deep.equal(['3']);
  });

  it('replaces an edited comment among those held', () => {
    const held = { comments: flat, pending: [], nodes: buildThread(flat, { maxDepth: 5 }) };
    const change = replaceComment(held, { ...flat[4]!, body: { format: 'text', value: 'New.' } })!;
    expect(change.comments[4]!.body.value).to.equal('New.');
    expect(held.comments[4]!.body.value).to.equal('Comment 5');
    expect(change).to.deep.include({ kept: false, uncounted: 0, placeholders: 0 });
    expect(replaceComment(held, comment('9', null, at(9)))).to.equal(undefined);
  });
});
