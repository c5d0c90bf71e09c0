/**
 * What a site owner does: a page that loads only the built dist/comment-thread.js and holds one tag.
 * Runs against the in-test server (test/server/plugin.mjs), which speaks the documented REST protocol
 * and serves static JSON. Needs `npm run build` first (`npm test` does it).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { until } from '../helpers.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';

const seed = [
  { id: '1', parentId: null, author: { name: 'christopher sims' }, createdAt: '2013-04-15T17:10:00Z', body: { format: 'text', value: 'I am also looking to research this topic.' }, status: 'approved' },
  { id: '2', parentId: '1', author: { name: 'Sarah Anderson', isPostAuthor: true }, createdAt: '2013-04-16T02:08:00Z', body: { format: 'text', value: 'Hi Christopher,\n\nGood luck with your dissertation!' }, status: 'approved' },
  { id: '3', parentId: null, author: { name: 'Sarah Bernolet' }, createdAt: '2012-11-23T23:55:00Z', body: { format: 'html', value: '<p>Thank you Sarah for your article,</p>' }, status: 'approved' },
];

async function reset(store: string) {
  const response = await fetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments: seed }) });
  expect(response.ok).to.equal(true);
}

async function mount(markup: string): Promise<CommentThread> {
  const built = '/dist/comment-thread.js';
  const head = await fetch(built, { method: 'HEAD' });
  if (!head.ok) throw new Error('dist/comment-thread.js is missing: run `npm run build` first');
  await import(/* @vite-ignore */ built);
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.firstElementChild as CommentThread;
  await until(() => el.shadowRoot?.querySelector('article'), 'no comment rendered');
  return el;
}

const $ = (el: CommentThread, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

describe('dist/comment-thread.js on a plain page', () => {
  afterEach(() => document.body.replaceChildren());

  it('renders a REST thread with nesting, opens a reply form, posts a reply and fires submit then submitted', async () => {
    await reset('e2e-rest');
    const el = await mount(
      '<comment-thread backend="rest" endpoint="/test-api/rest/e2e-rest" post-id="1" loading="eager" min-fill-time="0"></comment-thread>',
    );
    expect(customElements.get('comment-thread')).to.exist;
    const reply = $(el, 'article[data-comment-id="2"]');
    expect(reply.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('1');

    $(el, 'article[data-comment-id="2"] [part~="reply-button"]').click();
    await until(() => el.shadowRoot!.querySelector('[part~="reply-form"]'), 'reply form open');
    const form = $(el, '[part~="reply-form"]') as HTMLFormElement;
    expect(form.querySelector('[part~="form-title"]')!.textContent).to.contain('Reply to Sarah Anderson');
    const set = (name: string, value: string) => {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('content', 'Thank you, I found the Dolan study.');
    set('name', 'christopher sims');
    set('email', 'chris@example.com');
    const events: string[] = [];
    el.addEventListener('comment-submit', () => events.push('comment-submit'));
    el.addEventListener('comment-submitted', () => events.push('comment-submitted'));
    const submitted = oneEvent(el, 'comment-submitted');
    form.requestSubmit();
    const { detail } = await submitted;
    expect(events).to.deep.equal(['comment-submit', 'comment-submitted']);
    expect(detail.comment.parentId).to.equal('2');
    await until(() => el.shadowRoot!.querySelector(`article[data-comment-id="${detail.comment.id}"]`), 'the new comment shown');
    const placed = $(el, `article[data-comment-id="${detail.comment.id}"]`);
    expect(placed.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('2');

    const log = (await (await fetch('/test-api/log/e2e-rest')).json()) as { method: string; body?: unknown }[];
    const posts = log.filter((entry) => entry.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.deep.equal({
      parentId: '2',
      content: 'Thank you, I found the Dolan study.',
      author: { name: 'christopher sims', email: 'chris@example.com' },
    });
  });

  it('renders a static JSON thread, read-only, with nesting and sanitized HTML', async () => {
    await reset('e2e-json');
    const el = await mount(
      '<comment-thread backend="json" endpoint="/test-api/json/e2e-json/{postId}.json" post-id="1" loading="eager"></comment-thread>',
    );
    const reply = $(el, 'article[data-comment-id="2"]');
    expect(reply.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('1');
    expect($(el, 'article[data-comment-id="3"] [part~="body"] p').textContent).to.equal('Thank you Sarah for your article,');
    expect(el.shadowRoot!.querySelector('[part~="reply-button"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
