// Reply notifications: "Notify me of follow-up comments by email", off by default, only where the
// backend can email and the form asks for an email; sent with the draft (memory, the REST protocol's
// notify, Isso's notification: 1 by fixtures).
import { expect } from '@open-wc/testing';
import { isso } from '../../src/adapters/isso.js';
import { memory } from '../../src/adapters/memory.js';
import { rest } from '../../src/adapters/rest.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { stubFetch } from '../adapters/stub-fetch.js';
import { field, fill, loadedThread, oneEvent, part, scripted, submit, topForm } from '../helpers.js';

const notifyBox = (form: HTMLFormElement) => field(form, 'Notify me of follow-up comments by email.');

/** Fills the top form, ticks the box when asked, posts and resolves to the draft sent. */
async function post(el: CommentThread, tick: boolean) {
  const form = topForm(el);
  fill(form, { content: 'Hello.', name: 'Ann', email: 'ann@example.org' });
  if (tick) notifyBox(form).click();
  const sent = oneEvent(el, 'comment-submit');
  submit(form);
  return (await sent).detail.draft;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('reply notifications', () => {
  it('offers the box unticked beside the email field, and sends notify only when ticked', async () => {
    const el = await loadedThread(memory({ notify: true }));
    const box = notifyBox(topForm(el));
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.equal(false);
    await expect(el).to.be.accessible();
    expect((await post(el, false)).notify).to.equal(undefined);
    await oneEvent(el, 'comment-submitted');
    expect((await post(el, true)).notify).to.equal(true);
  });

  it('is not offered where the backend cannot email, nor where the form asks no email', async () => {
    const none = await loadedThread(memory());
    expect(part(none, 'notify')).to.equal(null);
    const scriptedNone = await loadedThread(scripted({}));
    expect(part(scriptedNone, 'notify')).to.equal(null);
    const noEmail = await loadedThread(scripted({ capabilities: { notify: true, fields: { email: 'hidden', url: false } } }));
    expect(part(noEmail, 'notify')).to.equal(null);
  });

  it('sends notify: true to a REST server that offers it', async () => {
    await fetch('/test-api/reset/notify', { method: 'POST', body: JSON.stringify({ features: { notify: true } }) });
    const el = await loadedThread(rest({ endpoint: '/test-api/rest/notify' }));
    await post(el, true);
    await oneEvent(el, 'comment-submitted');
    const log = (await (await fetch('/test-api/log/notify')).json()) as { method: string; notify?: boolean; body?: { notify?: boolean } }[];
    const created = log.filter((e) => e.method === 'POST');
    expect(created).to.have.length(1);
    expect(created[0]!.body!.notify).to.equal(true);
  });

  it('asks Isso for notification: 1 where its server sends reply mails', async () => {
    const thread = { total_replies: 0, hidden_replies: 0, replies: [], config: { 'reply-notifications': true, 'require-email': false } };
    const created = { id: 7, parent: null, text: '<p>Hello.</p>', author: 'Ann', website: null, mode: 1, created: Date.now() / 1000, likes: 0 };
    const fetch = stubFetch([
      { url: /\/\?uri=/, json: thread },
      { method: 'POST', url: '/new?uri=', status: 201, json: created },
    ]);
    const el = await loadedThread(isso({ endpoint: 'https://isso.example/', fetch }));
    await post(el, true);
    await oneEvent(el, 'comment-submitted');
    const sent = JSON.parse(fetch.calls.find((c) => c.method === 'POST')!.body!) as { notification?: number };
    expect(sent.notification).to.equal(1);
  });
});
