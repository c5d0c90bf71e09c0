// The one validation policy for every page, in time slices: a big page is checked across many tasks,
// never in one. Tasks are driven by hand (test/hand-tasks.ts), so this holds on any machine.
import { expect } from '@open-wc/testing';
import { checkPage } from '../../src/model/page.js';
import { comment } from '../fixtures.js';
import { byBrowser, byHand, runOne, turn } from '../hand-tasks.js';

describe('checkPage', () => {
  afterEach(() => byBrowser());

  it('checks a page of 10,000 comments across many tasks, and keeps them all', async () => {
    // Each reading of the clock is a millisecond later: a slice ends after a bounded number of comments.
    byHand({ ticking: true });
    const comments = Array.from({ length: 10_000 }, (_, i) => comment(`c${i}`, null, new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString()));
    let done = false;
    const checked = checkPage({ comments, total: 10_000, cursor: null }).then((page) => ((done = true), page));
    let tasks = 0;
    while (!done) {
      if (await runOne()) tasks++;
      else {
        await turn();
        if (!done) throw new Error('nothing left to run, and the page is not checked');
      }
    }
    expect(tasks, 'tasks the check took').to.be.above(20);
    const page = await checked;
    expect(page.comments).to.have.length(10_000);
    expect(page.malformed).to.equal(0);
  });

  it('refuses a page whose comments are not an array, and drops a malformed comment among good ones', async () => {
    await checkPage({ comments: { 0: comment('a', null, '2020-01-01T00:00:00Z') } }).then(
      () => expect.fail('a page without an array of comments was accepted'),
      (error: Error) => expect(error.message).to.contain('comments'),
    );
    const page = await checkPage({ comments: [comment('a', null, '2020-01-01T00:00:00Z'), { id: 'b' }] });
    expect(page.comments.map((c) => c.id)).to.deep.equal(['a']);
    expect(page.malformed).to.equal(1);
  });
});
