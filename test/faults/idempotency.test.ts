/**
 * One comment per draft, however often it is sent: a server that stores a POST and then loses the
 * connection before answering (the browser may resend it on its own), the visitor's retry of the same
 * draft; the REST adapter's Idempotency-Key and the memory backend honouring it.
 */
import { expect } from '@open-wc/testing';
import { memory } from '../../src/adapters/memory.js';
import type { CommentSubmittedEvent } from '../../src/events.js';
import { en } from '../../src/i18n/messages.js';
import { article, loaded, parts, until } from '../helpers.js';
import { draftOf, faultHooks, post, posts, render, server, topForm, type LogEntry } from './server.js';

faultHooks();

const draft = { postId: '1', parentId: null, content: 'Said once.', author: { name: 'Kim', email: 'kim@example.org' } };
const signal = new AbortController().signal;

describe('idempotent posting', () => {
  it('a POST stored and then cut before the answer: the visitor retries the same draft, one comment is created', async () => {
    // Chromium sends a POST whose reused connection closed without an answer again by itself (seen here:
    // four POSTs from one click, which without the key would have been four comments). Cut eight times,
    // the visitor sees the lost connection whether the browser resends or not.
    const s = await server([{ method: 'POST', drop: 'after', times: 8 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const first = await post(el, 'Said once, however often sent.');
    expect(first.type).to.equal('comment-error');
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal(en.errorNetwork);
    expect(draftOf(topForm(el))).to.equal('Said once, however often sent.');
    let outcome: Event = first;
    // Each try is the same draft: the visitor clicks Post again until it goes through (eight more at most,
    // when the browser resends nothing).
    for (let tries = 0; outcome.type !== 'comment-submitted' && tries < 8; tries++) {
      outcome = await post(el, 'Said once, however often sent.');
    }
    expect(outcome.type).to.equal('comment-submitted');
    const log: LogEntry[] = posts(await s.log());
    const created = log.filter((e) => e.created);
    expect(created, 'one comment created').to.have.length(1);
    const id = created[0]!.created!;
    expect((outcome as CommentSubmittedEvent).detail.comment.id).to.equal(id);
    expect(log.length).to.be.at.least(2);
    const key = log[0]!.key;
    expect(key).to.be.a('string').and.have.length.above(8);
    expect(log.every((e) => e.key === key), 'every try sent the same key').to.equal(true);
    expect(log.slice(1).every((e) => e.replayed === id), 'every later try answered with the first comment').to.equal(true);
    await until(() => article(el, id), 'the comment shown');
    expect(parts(el, 'comment')).to.have.length(2);
    // The server's own list agrees: reloaded, the thread holds it once.
    const again = await render(s.endpoint);
    await loaded(again);
    expect(parts(again, 'comment')).to.have.length(2);
  });

  it('a new draft after a posted one gets a new key: a second comment is created', async () => {
    const s = await server();
    const el = await render(s.endpoint);
    await loaded(el);
    expect((await post(el, 'First thought.')).type).to.equal('comment-submitted');
    expect((await post(el, 'Second thought.')).type).to.equal('comment-submitted');
    const log = posts(await s.log());
    expect(log.filter((e) => e.created)).to.have.length(2);
    expect(log[0]!.key).to.not.equal(log[1]!.key);
  });

  it('the memory backend answers a known key with the first comment, with the same status, creating nothing', async () => {
    const adapter = memory({ moderation: 'all' });
    const sent = await adapter.submit!(draft, { signal, idempotencyKey: 'k-1' });
    expect(sent.status).to.equal('pending');
    const resent = await adapter.submit!(draft, { signal, idempotencyKey: 'k-1' });
    expect(resent).to.deep.equal(sent);
    // A held comment is not listed; with moderation off, the list shows how many exist.
    const open = memory();
    const one = await open.submit!(draft, { signal, idempotencyKey: 'k-2' });
    expect(await open.submit!(draft, { signal, idempotencyKey: 'k-2' })).to.deep.equal(one);
    expect((await open.list({ postId: '1', order: 'oldest', signal })).comments.map((c) => c.id)).to.deep.equal([one.id]);
  });

  it('the memory backend still refuses the same words sent again as a new draft (another key, or none)', async () => {
    const adapter = memory();
    await adapter.submit!(draft, { signal, idempotencyKey: 'k-1' });
    for (const options of [{ signal, idempotencyKey: 'k-2' }, { signal }]) {
      const error = await adapter.submit!(draft, options).then(() => undefined, (e: unknown) => e);
      expect(error).to.include({ code: 'rejected', reason: 'duplicate' });
    }
  });

  it('the memory backend remembers keys in storage: a new adapter on the same key answers the same comment', async () => {
    const storageKey = `idempotency-${Math.random()}`;
    const sent = await memory({ storageKey }).submit!(draft, { signal, idempotencyKey: 'k-stored' });
    const again = await memory({ storageKey }).submit!(draft, { signal, idempotencyKey: 'k-stored' });
    expect(again).to.deep.equal(sent);
    localStorage.removeItem(storageKey);
  });
});
