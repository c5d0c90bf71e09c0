import { expect } from '@open-wc/testing';
import { buildThread, countThread, findNode, insertIntoThread, type ThreadNode } from '../../src/model/thread.js';
import { comment, seedThread } from '../fixtures.js';

const ids = (nodes: readonly ThreadNode[]) => nodes.map((n) => n.comment.id);

/** A reply chain: c1 ← c2 ← … ← cN, one minute apart. */
const chain = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    comment(`c${i + 1}`, i ? `c${i}` : null, new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString()),
  );

describe('buildThread', () => {
  it('nests replies under their parents, oldest first by default', () => {
    const thread = buildThread(seedThread);
    expect(ids(thread)).to.deep.equal(['1', '3', '4', '5']);
    expect(ids(thread[0]!.replies)).to.deep.equal(['2']);
    expect(thread[0]!.replies[0]!.depth).to.equal(2);
    expect(countThread(thread)).to.equal(6);
  });

  it('puts the newest top-level comments first with order "newest", replies still oldest first', () => {
    const replies = [comment('7', '5', '2013-04-17T00:00:00Z'), ...seedThread];
    const thread = buildThread(replies, { order: 'newest' });
    expect(ids(thread)).to.deep.equal(['5', '4', '3', '1']);
    expect(ids(thread[0]!.replies)).to.deep.equal(['6', '7']);
  });

  it('shows replies past the depth cap at the last level, saying whom they answer', () => {
    const thread = buildThread(chain(7), { maxDepth: 5 });
    let level: readonly ThreadNode[] = thread;
    for (let depth = 1; depth < 5; depth++) {
      expect(level).to.have.length(1);
      level = level[0]!.replies;
    }
    expect(ids(level)).to.deep.equal(['c5', 'c6', 'c7']);
    expect(level.map((n) => n.depth)).to.deep.equal([5, 5, 5]);
    expect(level[0]!.inReplyTo).to.equal(undefined);
    expect(level[1]!.inReplyTo).to.deep.equal({ id: 'c5', name: 'Author c5' });
    expect(level[2]!.inReplyTo).to.deep.equal({ id: 'c6', name: 'Author c6' });
  });

  it('keeps a flat thread flat with depth 1', () => {
    const thread = buildThread(seedThread, { maxDepth: 1 });
    expect(thread.every((n) => n.depth === 1 && n.replies.length === 0)).to.equal(true);
    expect(ids(thread)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
    expect(thread[1]!.inReplyTo?.name).to.equal('Michelle');
  });

  it('shows comments whose parent is missing at the top level', () => {
    const thread = buildThread([comment('a', 'gone', '2020-01-01T00:00:00Z'), comment('b', null, '2020-01-02T00:00:00Z')]);
    expect(ids(thread)).to.deep.equal(['a', 'b']);
  });

  it('breaks parent cycles and shows every comment once', () => {
    const cycle = [
      comment('x', 'z', '2020-01-01T00:00:00Z'),
      comment('y', 'x', '2020-01-02T00:00:00Z'),
      comment('z', 'y', '2020-01-03T00:00:00Z'),
      comment('self', 'self', '2020-01-04T00:00:00Z'),
    ];
    const thread = buildThread(cycle);
    expect(countThread(thread)).to.equal(4);
    expect(ids(thread)).to.deep.equal(['x', 'self']);
    expect(ids(thread[0]!.replies)).to.deep.equal(['y']);
  });

  it('drops duplicate ids, keeping the first', () => {
    const thread = buildThread([comment('a', null, '2020-01-01T00:00:00Z', 'First'), comment('a', null, '2020-01-02T00:00:00Z', 'Second')]);
    expect(thread).to.have.length(1);
    expect(thread[0]!.comment.author.name).to.equal('First');
  });

  it('builds 10,000 comments, including a 10,000-deep chain, without overflowing', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) =>
      comment(`w${i}`, i % 3 && i > 2 ? `w${i - (i % 3)}` : null, new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString()),
    );
    expect(countThread(buildThread(wide))).to.equal(10_000);
    const deep = buildThread(chain(10_000));
    expect(countThread(deep)).to.equal(10_000);
  });

  it('treats an invalid depth as flat', () => {
    expect(buildThread(chain(3), { maxDepth: Number.NaN }).every((n) => n.depth === 1)).to.equal(true);
  });
});

describe('insertIntoThread', () => {
  it('adds a reply without copying unrelated subtrees', () => {
    const thread = buildThread(seedThread);
    const next = insertIntoThread(thread, comment('9', '2', '2020-01-01T00:00:00Z'));
    expect(next[1]).to.equal(thread[1]);
    expect(next[0]).not.to.equal(thread[0]);
    expect(ids(next[0]!.replies[0]!.replies)).to.deep.equal(['9']);
    expect(next[0]!.size).to.equal(3);
  });

  it('adds a reply to a comment at the cap after the replies already shown there', () => {
    const thread = buildThread(chain(6), { maxDepth: 5 });
    const next = insertIntoThread(thread, comment('new', 'c5', '2030-01-01T00:00:00Z'), { maxDepth: 5 });
    const last = findNode(next, 'c4')!.replies;
    expect(ids(last)).to.deep.equal(['c5', 'c6', 'new']);
    expect(last[2]!.inReplyTo?.name).to.equal('Author c5');
  });

  it('adds a top-level comment first or last by order', () => {
    const thread = buildThread(seedThread, { order: 'newest' });
    expect(ids(insertIntoThread(thread, comment('n', null, '2030-01-01T00:00:00Z'), { order: 'newest' }))[0]).to.equal('n');
    expect(ids(insertIntoThread(thread, comment('n', null, '2030-01-01T00:00:00Z'))).at(-1)).to.equal('n');
  });

  it('ignores a comment already in the thread', () => {
    const thread = buildThread(seedThread);
    expect(countThread(insertIntoThread(thread, seedThread[0]!))).to.equal(6);
  });
});
