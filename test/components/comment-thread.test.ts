import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CommentThreadError } from '../../src/model/errors.js';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment, seedThread } from '../fixtures.js';
import { article, deferred, field, fill, loaded, part, parts, scripted, shadow, submit } from '../helpers.js';

const render = async (adapter: unknown, attrs = '') => {
  const el = await fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" .adapter=${adapter} post-id="1"></comment-thread>`,
  );
  if (attrs) for (const [k, v] of attrs.split(' ').map((a) => a.split('='))) el.setAttribute(k!, v ?? '');
  return el;
};

const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<comment-thread> states', () => {
  it('is busy with a skeleton while loading, and accessible', async () => {
    const pending = deferred<{ comments: Comment[] }>();
    const el = await render(scripted({ list: () => pending.promise }));
    expect(part(el, 'thread')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'skeleton')).to.exist;
    await expect(el).to.be.accessible();
    pending.resolve({ comments: [] });
    await loaded(el);
  });

  it('shows "No comments yet" and the form when the thread is empty', async () => {
    const el = await render(memory());
    await loaded(el);
    expect(part(el, 'empty')!.textContent).to.contain('No comments yet');
    expect(topForm(el)).to.exist;
    expect(part(el, 'form-title')!.textContent).to.contain('Leave a Reply');
    await expect(el).to.be.accessible();
  });

  it('shows the error with Retry, fires comment-error, and recovers on Retry', async () => {
    let fail = true;
    const adapter = scripted({
      list: async () => {
        if (fail) throw new CommentThreadError('http', 'The comment server answered 503.', { status: 503 });
        return { comments: seedThread };
      },
    });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager"></comment-thread>`);
    const error = oneEvent(el, 'comment-error');
    el.adapter = adapter;
    const event = await error;
    expect(event.detail.phase).to.equal('load');
    expect(event.detail.error.code).to.equal('http');
    await loaded(el);
    const state = part(el, 'error-state')!;
    expect(state.getAttribute('role')).to.equal('alert');
    // The reader gets words for what happened; the developer's message (status, URL) stays in the event.
    expect(state.textContent).to.contain('The comment server ran into an error.');
    expect(state.textContent).not.to.contain('503');
    expect(event.detail.error.message).to.contain('503');
    await expect(el).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await oneEvent(el, 'comment-load');
    await loaded(el);
    expect(parts(el, 'comment')).to.have.length(seedThread.length);
  });

  it('renders the thread with nesting, authors, dates, badge and sanitized bodies, accessibly', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    const top = shadow(el).querySelectorAll('[part~="list"] > li');
    expect(top).to.have.length(4);
    const michelle = article(el, '1')!;
    expect(michelle.querySelector('[part~="author"]')!.textContent!.trim()).to.equal('Michelle');
    const reply = michelle.closest('li')!.querySelector('[part~="replies"] article')!;
    expect(reply.getAttribute('data-comment-id')).to.equal('2');
    expect(reply.getAttribute('part')).to.contain('by-post-author');
    expect(reply.querySelector('[part~="badge"]')!.textContent).to.equal('Post author');
    const time = michelle.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2012-01-20T20:30:00.000Z');
    expect(time.textContent).to.equal('20 January 2012 at 15:30');
    expect(reply.querySelectorAll('[part~="body"] p')).to.have.length(2);
    const gerald = article(el, '3')!;
    expect(gerald.querySelector('[part~="author-link"]')!.getAttribute('href')).to.equal('http://gerald.example.org/');
    expect(gerald.querySelector('[part~="body"] em')!.textContent).to.equal('Masters Thesis');
    expect(gerald.querySelector('[part~="body"] a')!.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(part(el, 'heading')!.textContent).to.contain('6 comments');
    // Every piece of text is inside a part: no stray characters between the template's elements.
    for (const element of shadow(el).querySelectorAll('li, article, header')) {
      const loose = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      expect(loose.map((n) => n.textContent)).to.deep.equal([]);
    }
    await expect(el).to.be.accessible();
  });

  it('links the date to the permalink, and leaves it unlinked without one or with an unsafe one', async () => {
    const el = await render(
      memory({
        comments: [
          comment('a', null, '2020-01-01T00:00:00Z', 'Ann', { permalink: 'https://blog.example/p#comment-a' }),
          comment('b', null, '2020-01-02T00:00:00Z', 'Bob'),
          comment('c', null, '2020-01-03T00:00:00Z', 'Cy', { permalink: 'javascript:alert(1)' }),
        ],
      }),
    );
    await loaded(el);
    const link = (id: string) => article(el, id)!.querySelector<HTMLAnchorElement>('[part~="permalink"]')!;
    expect(link('a').href).to.equal('https://blog.example/p#comment-a');
    expect(link('a').querySelector('time')!.getAttribute('datetime')).to.equal('2020-01-01T00:00:00.000Z');
    for (const id of ['b', 'c']) {
      // An <a> without href is a placeholder, not a link: no role, not focusable, nothing to follow.
      expect(link(id).hasAttribute('href')).to.equal(false);
      link(id).focus();
      expect(shadow(el).activeElement).to.not.equal(link(id));
      expect(link(id).querySelector('time')).to.exist;
    }
    await expect(el).to.be.accessible();
  });

  it('fires comment-load with the count and total', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1"></comment-thread>`);
    const load = oneEvent(el, 'comment-load');
    el.adapter = memory({ comments: seedThread });
    const event = await load;
    expect(event.detail).to.deep.equal({ count: 6, total: 6 });
  });

  it('strips scripts, event handlers and javascript: links from HTML bodies', async () => {
    (window as unknown as { pwned: number }).pwned = 0;
    const evil = comment('x', null, '2020-01-01T00:00:00Z', 'Mallory', {
      body: {
        format: 'html',
        value:
          '<p>Hi<script>window.pwned++</script><img src=x onerror="window.pwned++"><a href="javascript:window.pwned++">link</a><b onmouseover="window.pwned++">b</b></p>',
      },
    });
    const el = await render(memory({ comments: [evil] }));
    await loaded(el);
    await new Promise((r) => setTimeout(r, 50));
    const body = article(el, 'x')!.querySelector('[part~="body"]')!;
    expect(body.querySelector('script')).to.equal(null);
    expect(body.innerHTML).not.to.match(/onerror|onmouseover|javascript:/i);
    expect(body.querySelector('a')!.hasAttribute('href')).to.equal(false);
    expect((window as unknown as { pwned: number }).pwned).to.equal(0);
  });

  it('escapes text bodies and author names', async () => {
    const text = comment('t', null, '2020-01-01T00:00:00Z', '<b>Bob</b>', {
      body: { format: 'text', value: '<img src=x onerror=alert(1)>\n\nSecond paragraph' },
    });
    const el = await render(memory({ comments: [text] }));
    await loaded(el);
    const a = article(el, 't')!;
    expect(a.querySelector('img')).to.equal(null);
    expect(a.querySelector('[part~="author"]')!.textContent!.trim()).to.equal('<b>Bob</b>');
    expect(a.querySelectorAll('[part~="body"] p')).to.have.length(2);
  });

  it('keeps the paragraphs and line breaks of a text body, and replaces it when the comment changes', async () => {
    const text = comment('t', null, '2020-01-01T00:00:00Z', 'Ann', {
      body: { format: 'text', value: '  one\ntwo <i>x</i>\n\n\nthree  ' },
    });
    const el = await render(memory({ comments: [text] }));
    await loaded(el);
    const body = article(el, 't')!.querySelector('[part~="body"]')!;
    expect(body.innerHTML).to.equal('<p>one<br>two &lt;i&gt;x&lt;/i&gt;</p><p>three</p>');
    el.adapter = memory({ comments: [{ ...text, body: { format: 'text', value: 'edited' } }] });
    await waitUntil(() => article(el, 't')?.querySelector('[part~="body"]')?.innerHTML === '<p>edited</p>');
  });

  it('links authors only to http(s) websites', async () => {
    const el = await render(
      memory({
        comments: [
          comment('a', null, '2020-01-01T00:00:00Z', 'A', { author: { name: 'A', url: 'javascript:alert(1)' } }),
          comment('b', null, '2020-01-02T00:00:00Z', 'B', { author: { name: 'B', url: 'https://b.example' } }),
        ],
      }),
    );
    await loaded(el);
    expect(article(el, 'a')!.querySelector('a[part~="author-link"]')).to.equal(null);
    expect(article(el, 'b')!.querySelector('a[part~="author-link"]')!.getAttribute('rel')).to.contain('nofollow');
  });
});

describe('<comment-thread> reply flow', () => {
  it('opens the reply form under the comment, moves focus into it, and Cancel returns focus', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    const button = article(el, '5')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement?.tagName === 'TEXTAREA');
    const form = button.closest('li')!.querySelector<HTMLFormElement>('[part~="reply-form"]')!;
    expect(form.querySelector('[part~="form-title"]')!.textContent).to.contain('Reply to christopher sims');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(button.getAttribute('aria-controls')).to.equal(form.id);
    expect(shadow(el).activeElement).to.equal(field(form, 'Comment'));
    await expect(el).to.be.accessible();
    form.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === button);
    expect(button.closest('li')!.querySelector('[part~="reply-form"]')).to.equal(null);
  });

  it('changes only the answered comment’s Reply button when its form opens and closes', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    const button = article(el, '5')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    const changed = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => changed.add(r.target)));
    observer.observe(shadow(el), { subtree: true, attributes: true, characterData: true });
    button.click();
    await el.updateComplete;
    const form = shadow(el).querySelector('[part~="reply-form"]')!;
    form.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await el.updateComplete;
    observer.disconnect();
    const buttons = [...changed].filter((node) => node instanceof Element && node.matches('[part~="reply-button"]'));
    // The reply to comment 5, re-rendered with it, keeps its button as it was.
    expect(buttons).to.deep.equal([button]);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.hasAttribute('aria-controls')).to.equal(false);
  });

  it('walks the reply flow with the keyboard alone', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    const button = article(el, '1')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.tagName === 'TEXTAREA');
    await sendKeys({ type: 'A keyboard reply.' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => shadow(el).activeElement === button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).activeElement?.tagName === 'TEXTAREA');
    expect((shadow(el).activeElement as HTMLTextAreaElement).value).to.equal('A keyboard reply.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kim' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'kim@example.org' });
    const submitted = oneEvent(el, 'comment-submitted');
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    expect(detail.comment.parentId).to.equal('1');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-comment-id') === detail.comment.id);
    const placed = article(el, detail.comment.id)!;
    expect(placed.closest('[part~="replies"]')!.closest('li')!.querySelector('article')!.dataset.commentId).to.equal('1');
  });

  it('posts at the depth cap and shows the reply at the last level, in reply to its parent', async () => {
    const chain = Array.from({ length: 5 }, (_, i) => comment(`c${i + 1}`, i ? `c${i}` : null, `2020-01-0${i + 1}T00:00:00Z`));
    const el = await render(memory({ comments: chain }));
    await loaded(el);
    const deepest = article(el, 'c5')!;
    deepest.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const form = deepest.closest('li')!.querySelector<HTMLFormElement>('form')!;
    fill(form, { content: 'At the cap', name: 'Cap', email: 'cap@example.org' });
    const submitted = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await submitted;
    await el.updateComplete;
    const placed = article(el, detail.comment.id)!;
    expect(placed.getAttribute('part')).to.contain('depth-5');
    expect(placed.querySelector('[part~="in-reply-to"]')!.textContent).to.equal('in reply to Author c5');
  });
});

describe('<comment-thread> form', () => {
  it('validates with labelled inline errors and focuses the first invalid field', async () => {
    const el = await render(memory());
    await loaded(el);
    const form = topForm(el);
    fill(form, { email: 'not-an-email' });
    submit(form);
    await waitUntil(() => form.querySelector('[part~="error"]'));
    await el.updateComplete;
    const content = field<HTMLTextAreaElement>(form, 'Comment');
    expect(content.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).getElementById(content.getAttribute('aria-describedby')!)!.textContent).to.equal('Please type your comment.');
    expect(field(form, 'Email').getAttribute('aria-invalid')).to.equal('true');
    expect(field(form, 'Name').getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('[part~="error"]')!.textContent).to.contain('3 fields');
    expect(shadow(el).activeElement).to.equal(content);
    await expect(el).to.be.accessible();
  });

  it('posts a top-level comment, shows it in place, and fires comment-submit then comment-submitted', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    const order: string[] = [];
    el.addEventListener('comment-submit', () => order.push('submit'));
    el.addEventListener('comment-submitted', () => order.push('submitted'));
    const form = topForm(el);
    fill(form, { content: 'Hello there', name: 'Ann', email: 'ann@example.org', url: 'ann.example.org' });
    const done = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await done;
    expect(order).to.deep.equal(['submit', 'submitted']);
    expect(detail.comment.author).to.deep.equal({ name: 'Ann', url: 'http://ann.example.org' });
    await el.updateComplete;
    expect(article(el, detail.comment.id)).to.exist;
    expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal('');
    expect(part(el, 'status')!.textContent).to.contain('Comment posted.');
  });

  it('sends nothing and keeps the draft when comment-submit is cancelled', async () => {
    const adapter = scripted({ submit: async () => comment('n', null, new Date().toISOString()) });
    const el = await render(adapter);
    await loaded(el);
    el.addEventListener('comment-submit', (e) => e.preventDefault());
    const form = topForm(el);
    fill(form, { content: 'Vetoed', name: 'Ann', email: 'ann@example.org' });
    const event = oneEvent(el, 'comment-submit');
    submit(form);
    expect((await event).detail.draft.content).to.equal('Vetoed');
    await el.updateComplete;
    expect(adapter.drafts).to.have.length(0);
    expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal('Vetoed');
  });

  it('keeps the draft, shows and announces the error when the submit fails, then succeeds on retry', async () => {
    let attempt = 0;
    const adapter = scripted({
      submit: async (draft) => {
        if (attempt++ === 0) {
          throw new CommentThreadError('rejected', 'HTTP 409 from the backend', {
            status: 409,
            reason: 'duplicate',
            serverMessage: 'Duplicate comment detected.',
          });
        }
        return comment('ok', null, new Date().toISOString(), draft.author.name);
      },
    });
    const el = await render(adapter);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Keep me', name: 'Ann', email: 'ann@example.org' });
    const failed = oneEvent(el, 'comment-error');
    submit(form);
    const { detail } = await failed;
    expect(detail.phase).to.equal('submit');
    await el.updateComplete;
    expect(form.querySelector('[part~="error"]')!.textContent).to.contain('Duplicate comment detected.');
    expect(part(el, 'status')!.textContent).to.contain('Duplicate comment detected.');
    expect(field<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Keep me');
    expect(part<HTMLButtonElement>(el, 'submit-button')!.disabled).to.equal(false);
    const done = oneEvent(el, 'comment-submitted');
    submit(form);
    await done;
    expect(adapter.drafts.map((d) => d.content)).to.deep.equal(['Keep me', 'Keep me']);
  });

  it('sends one request per submit, with Post disabled while posting', async () => {
    const answer = deferred<Comment>();
    const adapter = scripted({ submit: () => answer.promise });
    const el = await render(adapter);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Once', name: 'Ann', email: 'ann@example.org' });
    submit(form);
    submit(form);
    const button = part<HTMLButtonElement>(el, 'submit-button')!;
    await waitUntil(() => button.disabled, 'Post was not disabled while posting');
    submit(form);
    submit(form);
    expect(adapter.drafts).to.have.length(1);
    answer.resolve(comment('once', null, new Date().toISOString()));
    await oneEvent(el, 'comment-submitted');
    expect(adapter.drafts).to.have.length(1);
  });

  it('shows a held comment with "awaiting moderation", to its author only, across reloads', async () => {
    const adapter = memory({ moderation: 'all' });
    const el = await render(adapter);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Held for review', name: 'Ann', email: 'ann@example.org' });
    const done = oneEvent(el, 'comment-submitted');
    submit(form);
    const { detail } = await done;
    expect(detail.comment.status).to.equal('pending');
    await el.updateComplete;
    expect(article(el, detail.comment.id)!.querySelector('[part~="moderation"]')!.textContent).to.equal(
      'Your comment is awaiting moderation.',
    );
    // A held comment takes no reply: no button, and its row is not shown.
    expect(article(el, detail.comment.id)!.querySelector('[part~="reply-button"]')).to.equal(null);
    expect(article(el, detail.comment.id)!.querySelector<HTMLElement>('[part~="actions"]')!.checkVisibility()).to.equal(false);
    await expect(el).to.be.accessible();
    const again = await render(adapter);
    await loaded(again);
    expect(article(again, detail.comment.id)!.querySelector('[part~="moderation"]')).to.exist;
    localStorage.clear();
    const stranger = await render(adapter);
    await loaded(stranger);
    expect(article(stranger, detail.comment.id)).to.equal(null);
  });

  it('saves name, email and website only with consent', async () => {
    const el = await render(memory());
    await loaded(el);
    let form = topForm(el);
    fill(form, { content: 'No consent', name: 'Ann', email: 'ann@example.org' });
    let done = oneEvent(el, 'comment-submitted');
    submit(form);
    await done;
    expect(localStorage.getItem('comment-thread:identity')).to.equal(null);
    form = topForm(el);
    fill(form, { content: 'With consent' });
    const box = form.querySelector<HTMLInputElement>('input[name="consent"]')!;
    box.click();
    done = oneEvent(el, 'comment-submitted');
    submit(form);
    await done;
    expect(JSON.parse(localStorage.getItem('comment-thread:identity')!)).to.deep.equal({
      name: 'Ann',
      email: 'ann@example.org',
      url: '',
    });
  });

  it('keeps drafts of open forms across a reload', async () => {
    const adapter = memory({ comments: seedThread });
    const el = await render(adapter);
    await loaded(el);
    article(el, '4')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await el.updateComplete;
    const reply = article(el, '4')!.closest('li')!.querySelector<HTMLFormElement>('form')!;
    fill(reply, { content: 'Half-written reply' });
    fill(topForm(el), { content: 'Half-written comment' });
    const again = await render(adapter);
    await loaded(again);
    await again.updateComplete;
    const restored = article(again, '4')!.closest('li')!.querySelector<HTMLFormElement>('form')!;
    expect(field<HTMLTextAreaElement>(restored, 'Comment').value).to.equal('Half-written reply');
    expect(field<HTMLTextAreaElement>(topForm(again), 'Comment').value).to.equal('Half-written comment');
  });

  it('shows the privacy notice, the slot override and the policy link', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" privacy-url="/privacy" .adapter=${memory()}>
      <span slot="privacy-notice">We keep your email private.</span>
    </comment-thread>`);
    await loaded(el);
    const slot = topForm(el).querySelector<HTMLSlotElement>('slot[name="privacy-notice"]')!;
    expect(slot.assignedNodes()[0]!.textContent).to.equal('We keep your email private.');
    expect(part(el, 'privacy-link')!.getAttribute('href')).to.equal('/privacy');
    const plain = await render(memory());
    await loaded(plain);
    expect(part(plain, 'notice')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Your email address will not be published. Required fields are marked *',
    );
  });

  it('refuses a filled honeypot without a request', async () => {
    const adapter = scripted({ submit: async () => comment('n', null, new Date().toISOString()) });
    const el = await render(adapter);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Buy now', name: 'Bot', email: 'bot@example.org' });
    form.querySelector<HTMLInputElement>('input[name="hp"]')!.value = 'http://spam.example';
    const error = oneEvent(el, 'comment-error');
    submit(form);
    expect((await error).detail.error.reason).to.equal('spam');
    expect(adapter.drafts).to.have.length(0);
  });

  it('asks a submit faster than the minimum fill time to wait a moment, sending nothing and keeping the draft', async () => {
    const adapter = scripted({ submit: async () => comment('n', null, new Date().toISOString()) });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" min-fill-time="30" .adapter=${adapter}></comment-thread>`);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Fast', name: 'Bot', email: 'bot@example.org' });
    const error = oneEvent(el, 'comment-error');
    submit(form);
    expect((await error).detail.error.reason).to.equal('too-fast');
    await el.updateComplete;
    const shown = form.querySelector('[part~="error"]')!.textContent!;
    expect(shown).to.contain('take a moment');
    expect(shown).not.to.contain('could not be posted');
    expect(field<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Fast');
    expect(adapter.drafts).to.have.length(0);
  });

  it('checks the fields before the minimum fill time: Post on an empty fresh form says what to fill in', async () => {
    const adapter = scripted({ submit: async () => comment('n', null, new Date().toISOString()) });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" min-fill-time="30" .adapter=${adapter}></comment-thread>`);
    await loaded(el);
    let errors = 0;
    el.addEventListener('comment-error', () => errors++);
    submit(topForm(el));
    await waitUntil(() => topForm(el).querySelector('[part~="error"]'), 'no summary shown', { timeout: 20_000 });
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain('Please correct the 3 fields');
    expect(errors).to.equal(0);
    expect(adapter.drafts).to.have.length(0);
  });
});

describe('<comment-thread> loading', () => {
  it('aborts the previous load when post-id changes and shows the new thread', async () => {
    const signals: AbortSignal[] = [];
    const first = deferred<{ comments: Comment[] }>();
    const adapter = scripted({
      list: (query) => {
        signals.push(query.signal);
        return query.postId === '1' ? first.promise : Promise.resolve({ comments: [comment('p2', null, '2020-01-01T00:00:00Z')] });
      },
    });
    const el = await render(adapter);
    el.postId = '2';
    await waitUntil(() => article(el, 'p2'));
    expect(signals[0]!.aborted).to.equal(true);
    first.resolve({ comments: [comment('p1', null, '2020-01-01T00:00:00Z')] });
    await new Promise((r) => setTimeout(r, 20));
    expect(article(el, 'p1')).to.equal(null);
  });

  it('does not fetch until the element is near the viewport with loading="lazy"', async () => {
    const adapter = scripted({ list: async () => ({ comments: [] }) });
    const el = await fixture<CommentThread>(html`<div style="height: 5000px"></div>
      <comment-thread .adapter=${adapter}></comment-thread>`);
    const thread = el.parentElement!.querySelector('comment-thread')!;
    await new Promise((r) => setTimeout(r, 100));
    expect(adapter.lists).to.equal(0);
    thread.scrollIntoView();
    await waitUntil(() => adapter.lists === 1);
  });

  it('shows an unknown backend as an error', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" backend="nope"></comment-thread>`);
    await waitUntil(() => part(el, 'error-state'));
    expect(part(el, 'error-state')!.textContent).to.contain('nope');
  });

  it('shows "Load more comments" while pages remain and loads the next page', async () => {
    const el = await render(memory({ comments: seedThread, pageSize: 2 }));
    await loaded(el);
    expect(shadow(el).querySelectorAll('[part~="list"] > li')).to.have.length(2);
    const load = oneEvent(el, 'comment-load');
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await load;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part~="list"] > li')).to.have.length(4);
    expect(part(el, 'load-more')).to.equal(null);
  });
});

describe('<comment-thread> on a page', () => {
  it('runs several threads on one page independently', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <comment-thread loading="eager" post-id="a" .adapter=${memory({ comments: seedThread.slice(0, 2) })}></comment-thread>
      <comment-thread loading="eager" post-id="b" .adapter=${memory({ comments: seedThread.slice(2) })}></comment-thread>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll('comment-thread')] as CommentThread[];
    await loaded(one!);
    await loaded(two!);
    expect(parts(one!, 'comment')).to.have.length(2);
    expect(parts(two!, 'comment')).to.have.length(4);
    article(one!, '1')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await one!.updateComplete;
    expect(parts(one!, 'reply-form')).to.have.length(1);
    expect(parts(two!, 'reply-form')).to.have.length(0);
  });

  it('speaks the language of the nearest lang attribute, in words and dates', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr">
      <comment-thread loading="eager" dates="absolute" post-id="1" .adapter=${memory({ comments: seedThread })}></comment-thread>
    </div>`);
    const el = wrapper.querySelector('comment-thread')!;
    await loaded(el);
    await waitUntil(() => part(el, 'form-title')?.textContent?.includes('Laisser un commentaire'));
    expect(article(el, '1')!.querySelector('[part~="reply-button"]')!.textContent!.trim()).to.equal('Répondre');
    expect(article(el, '1')!.querySelector('time')!.textContent).to.equal('20 janvier 2012 à 15:30');
  });

  it('lets the page override any string', async () => {
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" .messages=${{ leaveReply: 'Your thoughts?' }} .adapter=${memory()}></comment-thread>`,
    );
    await loaded(el);
    expect(part(el, 'form-title')!.textContent!.trim()).to.equal('Your thoughts?');
  });

  it('relabels the Reply buttons when the strings change', async () => {
    const el = await render(memory({ comments: seedThread }));
    await loaded(el);
    expect(article(el, '1')!.querySelector('[part~="reply-button"]')!.textContent).to.equal('Reply');
    el.messages = { reply: 'Answer' };
    await el.updateComplete;
    const buttons = parts(el, 'reply-button');
    expect(buttons.length).to.be.greaterThan(1);
    expect(buttons.every((b) => b.textContent === 'Answer')).to.equal(true);
  });

  it('shows relative dates for recent comments with dates="auto"', async () => {
    const recent = comment('r', null, new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString());
    const el = await render(memory({ comments: [recent] }));
    await loaded(el);
    const time = article(el, 'r')!.querySelector('time')!;
    expect(time.textContent).to.equal('3 days ago');
    expect(time.getAttribute('title')).to.match(/ at /);
  });
});

describe('<comment-thread> closed posts', () => {
  it('says "Comments are closed." and offers no form or Reply when the backend says so', async () => {
    const el = await render(
      scripted({
        list: async () => ({ comments: seedThread }),
        capabilities: { post: false, reply: false, closed: true },
      }),
    );
    await loaded(el);
    expect(part(el, 'closed')!.textContent).to.equal('Comments are closed.');
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(part(el, 'reply-button')).to.equal(null);
    // Reading actions stay: a link to a comment is still worth copying on a closed post.
    expect(parts(el, 'copy-link-button')).to.have.length(seedThread.length);
    await expect(el).to.be.accessible();
  });

  it('hides an actions row with no action, whatever display the page gives the part', async () => {
    const held = comment('h', null, new Date().toISOString(), 'Kim', { status: 'pending' });
    const el = await render(scripted({ list: async () => ({ comments: [held] }), capabilities: { post: false, reply: false } }));
    await loaded(el);
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = 'comment-thread::part(actions) { display: flex; }';
    try {
      const rows = parts(el, 'actions');
      expect(rows).to.have.length(1);
      expect(rows[0]!.checkVisibility()).to.equal(false);
    } finally {
      style.remove();
    }
  });
});
