/**
 * Hostile and broken answers from the REST server, in the element: a silent server given up on within
 * the load's deadline (with "still trying" on the way), the same id sent twice, and a refusal whose
 * message is a whole page long. Time-dependent steps move a fake clock; nothing waits seconds.
 */
import { expect } from '@open-wc/testing';
import { httpDefaults } from '../../src/adapters/http.js';
import type { CommentErrorEvent } from '../../src/events.js';
import { en } from '../../src/i18n/messages.js';
import { Words } from '../../src/i18n/words.js';
import { comment } from '../fixtures.js';
import { article, loaded, part, parts, until } from '../helpers.js';
import { installFakeClock } from './fake-clock.js';
import { draftOf, faultHooks, gets, post, posts, render, server, status, topForm } from './server.js';

faultHooks();
const words = new Words(en, 'en');

describe('hostile and broken answers', () => {
  it('a server that never answers: "still trying" at 4 s, then the timeout error at 20 s, after two attempts', async () => {
    const clock = installFakeClock();
    try {
      Object.assign(httpDefaults, { timeout: 15_000, backoff: 400, deadline: 20_000 });
      const s = await server([{ method: 'GET', hold: true, times: 3 }]);
      const el = await render(s.endpoint);
      await s.held('GET', 1);
      await clock.advance(4_000);
      await el.updateComplete;
      expect(part(el, 'thread')!.querySelector('[part~="notice"]')!.textContent).to.equal(en.stillTrying);
      expect(status(el)).to.equal(en.stillTrying);
      expect(part(el, 'thread')!.getAttribute('aria-busy')).to.equal('true');
      await clock.advance(11_000);
      // The first attempt is abandoned at 15 s; the browser ends its fetch, and the backoff begins.
      await s.closed('GET', 0);
      await until(() => clock.pending().length === 1, 'the backoff waiting');
      expect(clock.pending()[0]).to.be.within(300, 500);
      await clock.advance(500);
      await s.held('GET', 2);
      // What is left of the 20 s, not another 15.
      await clock.advance(4_499);
      expect(part(el, 'error-state')).to.equal(null);
      await clock.advance(1);
      await until(() => part(el, 'error-state'), 'error shown at 20 s');
      expect(part(el, 'error')!.textContent).to.contain(en.errorTimeout);
      expect(part(el, 'thread')!.getAttribute('aria-busy')).to.equal('false');
      await s.closed('GET', 1);
      expect(gets(await s.log())).to.have.length(2);
    } finally {
      clock.restore();
    }
  });

  it('the same id twice: shown once, the heading counts what is shown, a notice says one was left out', async () => {
    const s = await server([], [
      comment('1', null, '2020-01-01T00:00:00Z', 'Ann'),
      comment('1', null, '2020-01-02T00:00:00Z', 'Impostor', { body: { format: 'text', value: 'Not the first.' } }),
      comment('2', null, '2020-01-03T00:00:00Z', 'Bob'),
    ]);
    const el = await render(s.endpoint);
    const problems: CommentErrorEvent[] = [];
    el.addEventListener('comment-error', (e) => problems.push(e));
    await loaded(el);
    await until(() => parts(el, 'comment').length === 2, 'two comments shown');
    expect(article(el, '1')!.textContent).to.contain('Ann').and.not.contain('Impostor');
    expect(part(el, 'heading')!.textContent!.trim()).to.equal(words.count('heading', 2));
    expect(part(el, 'thread')!.querySelector('[part~="notice"]')!.textContent).to.equal(words.count('droppedComments', 1));
    expect(problems.map((e) => e.detail.error.reason)).to.deep.equal(['malformed-comments']);
  });

  it('a refusal 200,000 characters long is shown as a short alert, and the draft stays', async () => {
    const message = 'Refused because '.concat('spam '.repeat(40_000)).slice(0, 200_000);
    const s = await server([{ method: 'POST', status: 422, body: { error: { code: 'spam', message } }, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const failed = (await post(el)) as CommentErrorEvent;
    expect(failed.type).to.equal('comment-error');
    await el.updateComplete;
    const alert = topForm(el).querySelector('[part~="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    const shown = alert.textContent!;
    expect(shown.length).to.be.within(200, 301);
    expect(shown.startsWith('Refused because spam')).to.equal(true);
    expect(shown.endsWith('…')).to.equal(true);
    expect(status(el).length).to.be.at.most(301);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    expect(posts(await s.log())).to.have.length(1);
  });
});
