// A comment far longer than any reader reads inline (a backend can send 1 MB in one body) shows its
// beginning and a "Show full comment" button: the rest is sanitized and laid out only when asked for.
// Behaviour, not time: what is in the DOM before and after, and what the cut keeps or drops.
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import { PREVIEW_LENGTH } from '../../src/components/comment-thread/templates/body.js';
import { preview } from '../../src/components/comment-thread/templates/long-body.js';
import '../../src/define.js';
import { sanitizerOptions } from '../../src/sanitize.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { article, loaded, scripted, until } from '../helpers.js';

const MB = 1_000_000;
const words = 'a comment that goes on and on, '.repeat(Math.ceil(MB / 31)).slice(0, MB);

const bodyOf = (el: CommentThread, id: string) => article(el, id)!.querySelector<HTMLElement>('[part~="body"]')!;
const button = (el: CommentThread, id: string) =>
  article(el, id)!.querySelector<HTMLButtonElement>('[part~="show-full-button"]');

async function mount(body: Comment['body']) {
  const comments = [
    comment('short', null, '2024-01-01T00:00:00Z'),
    { ...comment('long', null, '2024-01-02T00:00:00Z'), body },
  ];
  const adapter = scripted({ list: async () => ({ comments, total: 2, cursor: null }) });
  const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${adapter}></comment-thread>`);
  await loaded(el);
  await until(() => article(el, 'long'), 'the long comment rendered');
  // Its beginning and the button come with a chunk of their own; the body is busy meanwhile.
  await until(() => !bodyOf(el, 'long').hasAttribute('aria-busy'), 'the long comment filled');
  return el;
}

describe('a very long comment', () => {
  afterEach(() => (sanitizerOptions.forceFallback = false));

  it('shows the beginning of a 1 MB text and, on request, all of it', async () => {
    const el = await mount({ format: 'text', value: words });
    const body = bodyOf(el, 'long');
    const shown = body.textContent!.length;
    expect(shown).to.be.within(PREVIEW_LENGTH - 200, PREVIEW_LENGTH + 100);
    expect(body.textContent).to.contain('…');
    expect(button(el, 'short'), 'a short comment has no button').to.equal(null);
    const more = button(el, 'long')!;
    expect(more.textContent).to.equal('Show full comment');
    await expect(el).to.be.accessible();

    more.focus();
    more.click();
    expect(body.textContent!.trim()).to.equal(words.trim());
    expect(button(el, 'long'), 'the button goes with the cut').to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus stays in the comment it was in').to.equal(body);
  });

  for (const fallback of [false, true]) {
    it(`sanitizes the beginning of a 1 MB HTML body now and the rest only when asked for (${fallback ? 'DOMPurify' : 'setHTML'})`, async () => {
      sanitizerOptions.forceFallback = fallback;
      const paragraphs = '<p>Words <em>and</em> more words, on and on.</p>'.repeat(Math.ceil(MB / 48));
      const value = `<p>Start <img src="x" onerror="alert(1)"></p>${paragraphs}<p>The end<script>alert(2)</script><a href="javascript:alert(3)">link</a></p>`;
      const el = await mount({ format: 'html', value });
      const body = bodyOf(el, 'long');
      await until(() => button(el, 'long'), 'the sanitized beginning shows');
      expect(body.innerHTML.length, 'only the beginning was sanitized into the page').to.be.below(PREVIEW_LENGTH * 1.2);
      expect(body.querySelector('[onerror]')).to.equal(null);
      expect(body.textContent).not.to.contain('The end');

      button(el, 'long')!.click();
      await until(() => body.textContent!.includes('The end'), 'the rest shows');
      expect(body.querySelectorAll('p').length).to.be.above(MB / 48);
      expect(body.querySelector('script, [onerror]')).to.equal(null);
      expect(body.querySelector('a')!.hasAttribute('href')).to.equal(false);
    });
  }
});

describe('preview()', () => {
  const cut = (format: 'html' | 'text', value: string) => preview(format, value);

  it('cuts text at a space near the limit', () => {
    const text = `${'word '.repeat(PREVIEW_LENGTH / 5 + 100)}`;
    const out = cut('text', text);
    expect(out.length).to.be.within(PREVIEW_LENGTH - 200, PREVIEW_LENGTH);
    expect(text.startsWith(out)).to.equal(true);
    expect(text[out.length]).to.equal(' ');
  });

  it('never cuts HTML inside a tag or a character reference', () => {
    const pad = 'x'.repeat(PREVIEW_LENGTH - 10);
    expect(cut('html', `${pad}<a href="https://example.com/">link</a>`)).to.equal(pad);
    expect(cut('html', `${pad}abcdefg&amp;x`)).to.equal(`${pad}abcdefg`);
    expect(cut('html', `${pad}abc&amp;def more`)).to.equal(`${pad}abc&amp;de`);
    expect(cut('html', `${pad}<b>bold</b> and more words`)).to.equal(`${pad}<b>bold`.slice(0, PREVIEW_LENGTH));
  });

  it('never splits a character in two', () => {
    const text = `${'x'.repeat(PREVIEW_LENGTH - 1)}😀${'y'.repeat(100)}`;
    const out = cut('html', text);
    expect(out).to.equal('x'.repeat(PREVIEW_LENGTH - 1));
  });
});
