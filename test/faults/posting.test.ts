/**
 * The fault matrix, posting: for every fault of the in-test server, the draft is intact until a submit
 * succeeds, exactly one comment is created per successful submit, a POST is never retried by itself,
 * and the UI shows the state and announces it.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { httpDefaults } from '../../src/adapters/http.js';
import type { CommentErrorEvent } from '../../src/events.js';
import { en } from '../../src/i18n/messages.js';
import { fill, loaded, parts, quiet, shadow, until } from '../helpers.js';
import { draftOf, faultHooks, offline, post, posts, render, server, SHORT_TIMEOUT, status, topForm } from './server.js';

faultHooks();

describe('fault matrix: posting', () => {
  for (const code of [500, 502, 503]) {
    it(`${code} on Post: one request, never retried; the draft stays; shown and announced; the next try posts once`, async () => {
      const s = await server([{ method: 'POST', status: code, times: 1 }]);
      const el = await render(s.endpoint);
      await loaded(el);
      const failed = (await post(el)) as CustomEvent;
      expect(failed.type).to.equal('comment-error');
      await el.updateComplete;
      const form = topForm(el);
      expect(form.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(form.querySelector('[part~="error"]')!.textContent).to.contain(en.errorHttp);
      expect(status(el)).to.contain(en.errorHttp);
      expect(draftOf(form)).to.equal('My considered opinion.');
      expect(posts(await s.log())).to.have.length(1);
      const ok = (await post(el)) as CustomEvent;
      expect(ok.type).to.equal('comment-submitted');
      const log = posts(await s.log());
      expect(log).to.have.length(2);
      expect(log.filter((e) => e.created)).to.have.length(1);
      await until(() => shadow(el).activeElement?.getAttribute('data-comment-id') === log[1]!.created, 'focus on the new comment');
      expect(status(el)).to.equal(en.commentPosted);
      expect(draftOf(topForm(el))).to.equal('');
    });
  }

  it('a slow Post times out once, is not retried, keeps the draft, and says so', async () => {
    httpDefaults.timeout = SHORT_TIMEOUT;
    // Held, the POST is never answered: it ends by the time limit, however slow the machine.
    const s = await server([{ method: 'POST', hold: true, status: 503, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const failed = (await post(el)) as CustomEvent;
    expect(failed.type).to.equal('comment-error');
    await el.updateComplete;
    expect((failed as CommentErrorEvent).detail.error.code).to.equal('timeout');
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain(en.errorTimeout);
    expect(status(el)).to.contain(en.errorTimeout);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    await s.closed('POST');
    // A retry would follow within a backoff (40 ms); this much quiet finds one on any machine but the slowest.
    await quiet(1000);
    expect(posts(await s.log())).to.have.length(1);
  });

  it('429 with Retry-After on Post: refused once, the reason shown, no automatic retry', async () => {
    const s = await server([{ method: 'POST', status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 'flood', message: 'You are posting comments too quickly.' } }, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    await post(el);
    await el.updateComplete;
    // The REST protocol's refusal message is the server's words for the visitor.
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal('You are posting comments too quickly.');
    expect(posts(await s.log())).to.have.length(1);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
  });

  it('the connection cut in the middle of the answer to Post: the draft stays, the error is shown, no retry', async () => {
    const s = await server([{ method: 'POST', drop: 'body', times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const failed = (await post(el)) as CustomEvent;
    expect(failed.type).to.equal('comment-error');
    const { error } = (failed as CommentErrorEvent).detail;
    expect(error.code).to.equal('network');
    expect(error.message).to.match(/was lost while reading the answer/);
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal(en.errorNetwork);
    expect(status(el)).to.contain(en.errorNetwork);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    expect(posts(await s.log())).to.have.length(1);
  });

  it('offline on Post: refused without a request, the draft stays; online again, it posts once', async () => {
    const s = await server();
    const el = await render(s.endpoint);
    await loaded(el);
    await offline(true);
    try {
      const failed = (await post(el)) as CommentErrorEvent;
      expect(failed.type).to.equal('comment-error');
      expect(failed.detail.error.code).to.equal('network');
      expect(failed.detail.error.message).to.match(/^Could not reach /);
    } finally {
      await offline(false);
    }
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal(en.errorNetwork);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    expect(posts(await s.log())).to.have.length(0);
    const ok = (await post(el)) as CustomEvent;
    expect(ok.type).to.equal('comment-submitted');
    expect(posts(await s.log()).filter((e) => e.created)).to.have.length(1);
  });

  it('double and triple clicks on Post send one request and create one comment', async () => {
    for (const clicks of [2, 3]) {
      // The server holds the first POST, so every click lands while it is pending.
      const s = await server([{ method: 'POST', hold: true, pass: true, times: 1 }]);
      const el = await render(s.endpoint);
      await loaded(el);
      const form = topForm(el);
      fill(form, { content: `Clicked ${clicks} times`, name: 'Kim', email: 'kim@example.org' });
      const button = form.querySelector<HTMLButtonElement>('[part~="submit-button"]')!;
      const submitted = oneEvent(el, 'comment-submitted');
      for (let i = 0; i < clicks; i++) button.click();
      await s.held('POST');
      expect(await s.release()).to.equal(1);
      await submitted;
      // Another POST would have left with the clicks; a little quiet lets it reach the log.
      await quiet(300);
      const log = posts(await s.log());
      expect(log, `${clicks} clicks`).to.have.length(1);
      expect(log[0]!.created).to.be.a('string');
      expect(parts(el, 'comment')).to.have.length(2);
    }
  });

  it('removing the element mid-Post cancels it: no error shown, the draft is kept for next time', async () => {
    const s = await server([{ method: 'POST', hold: true, pass: true, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    let errors = 0;
    el.addEventListener('comment-error', () => errors++);
    fill(topForm(el), { content: 'Half-way', name: 'Kim', email: 'kim@example.org' });
    topForm(el).requestSubmit();
    await s.held('POST');
    const parent = el.parentElement!;
    el.remove();
    await s.closed('POST');
    expect(await s.release(), 'nothing left to answer').to.equal(0);
    expect(posts(await s.log()).filter((e) => e.created)).to.have.length(0);
    expect(errors).to.equal(0);
    const reloaded = oneEvent(el, 'comment-load');
    parent.append(el);
    await reloaded;
    await el.updateComplete;
    expect(draftOf(topForm(el))).to.equal('Half-way');
  });
});
