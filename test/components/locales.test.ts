// Every shipped locale renders the model thread (the top form, a reply form open, a post author's badge)
// without a word of English. The English looked for is every message of the English catalog, each plural
// form, cut at its placeholders, kept where a piece has two words or more: a single word is often the same
// in another language ("Name", "Website" and "E-Mail" in German, "Email" in Italian), a phrase is not.
// Comment bodies and author names are the commenters' words, not the element's, and are left out.
import { expect, fixture, html } from '@open-wc/testing';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { en, loadMessages, locales } from '../../src/i18n/index.js';
import { seedThread } from '../fixtures.js';
import { article, loaded, part, shadow, until } from '../helpers.js';

const english = [
  ...new Set(
    Object.values(en)
      .flatMap((message: string | Record<string, string>) =>
        typeof message === 'string' ? [message] : Object.values(message),
      )
      .flatMap((text) => text.split(/\{\w+\}/))
      .map((piece) => piece.replace(/^[\s“”.:]+|[\s“”]+$/g, ''))
      .filter((piece) => piece.split(/\s+/).length >= 2),
  ),
];

const SHOWN_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt'];

/** What the element itself says in its shadow root: text and the attributes a reader or a screen reader meets. */
function elementWords(el: CommentThread): string[] {
  const said: string[] = [];
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      for (const name of SHOWN_ATTRIBUTES) if (node.hasAttribute(name)) said.push(node.getAttribute(name)!);
      continue;
    }
    const parent = node.parentElement!;
    if (parent.closest('style, [part~="body"]') || parent.matches('[part~="author"], [part~="author-link"]')) continue;
    if (node.textContent!.trim()) said.push(node.textContent!.trim());
  }
  return said;
}

const englishIn = (said: string[]) => english.filter((phrase) => said.some((text) => text.includes(phrase)));

/** The model thread in `lang`, loaded in its catalog, with the reply form open under the fifth comment. */
async function modelThread(lang: string, leaveReply: string) {
  const el = await fixture<CommentThread>(
    html`<comment-thread
      lang=${lang}
      loading="eager"
      post-id="1"
      .adapter=${memory({ comments: seedThread })}
    ></comment-thread>`,
  );
  await loaded(el);
  await until(
    () => part(el, 'form-title')?.textContent?.trim() === leaveReply,
    `${lang}: the form title never said “${leaveReply}”`,
  );
  article(el, '5')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
  await until(() => part(el, 'reply-form'), `${lang}: the reply form never opened`);
  await el.updateComplete;
  return el;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<comment-thread> in every shipped locale', () => {
  it('finds the English it looks for in an English thread (the check can fail)', async () => {
    const el = await modelThread('en', en.leaveReply);
    const found = englishIn(elementWords(el));
    for (const phrase of ['Leave a Reply', 'Cancel reply', 'Post Comment', 'Post author', 'Skip to comment form'])
      expect(found).to.include(phrase);
    expect(part(el, 'badge')).to.exist;
    el.remove();
  });

  for (const lang of locales) {
    it(`${lang}: says nothing in English`, async () => {
      const catalog = await loadMessages(lang);
      const el = await modelThread(lang, catalog.leaveReply);
      const found = englishIn(elementWords(el));
      expect(found, `${lang} still says: ${found.join(' | ')}`).to.deep.equal([]);
      el.remove();
    });
  }
});
