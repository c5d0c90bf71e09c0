/**
 * Backend HTML inside the element: every box bounded (images, wide tables, long code, deep nesting),
 * relative avatars and permalinks refused, the corpus rendered inert and accessible. Through both
 * sanitizer paths; layout is measured, never timed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { MAX_DEPTH, sanitizerOptions } from '../../src/sanitize.js';
import { article, loaded, parts, shadow, until } from '../helpers.js';
import { assertInert, assertNothingRan, installRecorders, settle } from './harness.js';

const recorded = installRecorders();
const nativeSanitizer = typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';
const corpus = ['wordpress-comment', 'github-markdown', 'waline-markdown', 'artalk-markdown', 'mastodon-status', 'legacy-html'];

const comment = (id: string, value: string, extra: Partial<Comment> = {}): Comment => ({
  id,
  parentId: null,
  author: { name: `Author ${id}` },
  createdAt: '2024-01-01T00:00:00Z',
  body: { format: 'html', value },
  status: 'approved',
  ...extra,
});

/** A thread 400 px wide holding `comments`, every body sanitized. */
async function render(comments: Comment[]): Promise<CommentThread> {
  const el = await fixture<CommentThread>(
    html`<comment-thread style="inline-size: 400px" loading="eager" post-id="1" .adapter=${memory({ comments })}></comment-thread>`,
  );
  await loaded(el);
  await until(() => parts(el, 'comment').length === comments.length, 'every comment rendered');
  await until(() => !shadow(el).querySelector('[part~="body"][aria-busy]'), 'bodies sanitized');
  return el;
}
const bodyOf = (el: CommentThread, id: string) => article(el, id)!.querySelector<HTMLElement>('[part~="body"]')!;
const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize);

beforeEach(() => {
  recorded.calls.length = 0;
  recorded.violations.length = 0;
});
afterEach(() => {
  sanitizerOptions.forceFallback = false;
});

for (const path of ['native setHTML', 'DOMPurify fallback'] as const) {
  describe(`backend HTML in the element (${path})`, () => {
    beforeEach(function () {
      if (path === 'native setHTML' && !nativeSanitizer) this.skip();
      sanitizerOptions.forceFallback = path === 'DOMPurify fallback';
    });

    it('an image that never answers reserves a bounded box, whatever its width and height say', async () => {
      const el = await render([
        comment('tall', '<p>before</p><img src="https://images.invalid/never.png" width="10" height="1000000" alt=""><p>after</p>'),
        comment('kept', '<img src="https://images.invalid/never2.png" width="10" height="2000" alt="">'),
        comment('wide', '<img src="https://images.invalid/never3.png" width="2000" height="1000" alt="">'),
      ]);
      const cap = 30 * rem() + 1;
      const measure = () =>
        ['tall', 'kept', 'wide'].map((id) => {
          const box = bodyOf(el, id).querySelector('img')!.getBoundingClientRect();
          return { id, height: box.height, right: box.right };
        });
      for (const phase of ['before any answer', 'after settling']) {
        if (phase === 'after settling') await settle(shadow(el));
        const bodyRight = bodyOf(el, 'wide').getBoundingClientRect().right;
        for (const { id, height, right } of measure()) {
          expect(height, `${id}, ${phase}`).to.be.at.most(cap);
          expect(right, `${id} stays inside the body, ${phase}`).to.be.at.most(bodyRight + 1);
        }
      }
      expect(bodyOf(el, 'tall').getBoundingClientRect().height).to.be.at.most(cap + 10 * rem());
    });

    it('a 200-cell table and a long line of code scroll inside the body instead of being clipped', async () => {
      const cells = Array.from({ length: 200 }, (_, i) => `<td>cell${i}</td>`).join('');
      const el = await render([
        comment('table', `<table><tr>${cells}</tr></table>`),
        comment('code', `<pre><code>${'x'.repeat(2000)}</code></pre>`),
      ]);
      for (const [id, selector, last] of [['table', 'table', 'td:last-child'], ['code', 'pre', 'code']] as const) {
        const body = bodyOf(el, id);
        const box = body.querySelector<HTMLElement>(selector)!;
        expect(box.getBoundingClientRect().right, `${id} inside the body`).to.be.at.most(body.getBoundingClientRect().right + 1);
        expect(box.scrollWidth, `${id} overflows`).to.be.greaterThan(box.clientWidth);
        expect(getComputedStyle(box).overflowX, `${id} scrolls`).to.equal('auto');
        box.scrollLeft = box.scrollWidth;
        const end = box.querySelector(last)!.getBoundingClientRect().right;
        expect(end, `the end of the ${id} can be scrolled into view`).to.be.at.most(box.getBoundingClientRect().right + 1);
      }
      expect(bodyOf(el, 'table').querySelector('td:last-child')!.textContent).to.equal('cell199');
    });

    it('20,000 nested quotes render as a tree no deeper than the limit, words kept', async () => {
      const el = await render([comment('deep', `${'<blockquote>'.repeat(20000)}deep words${'</blockquote>'.repeat(20000)}`)]);
      const body = bodyOf(el, 'deep');
      // 240 kB of markup: the reader sees its beginning until asking for the rest (templates/body.ts).
      body.querySelector<HTMLButtonElement>('[part~="show-full-button"]')!.click();
      await until(() => !body.hasAttribute('aria-busy') && !body.querySelector('[part~="show-full-button"]'), 'the full comment shows');
      expect(body.querySelectorAll('blockquote').length).to.equal(MAX_DEPTH);
      expect(body.textContent).to.equal('deep words');
      expect(body.getBoundingClientRect().width).to.be.greaterThan(0);
      assertInert(el);
    });

    it('refuses relative avatars and permalinks: the reader\'s browser would ask the host site for them', async () => {
      const el = await render([
        comment('rel', '<p>relative</p>', { author: { name: 'Rel', avatarUrl: '/relative/path' }, permalink: '#x' }),
        comment('abs', '<p>absolute</p>', {
          author: { name: 'Abs', avatarUrl: 'https://avatars.example/a.png' },
          permalink: 'https://blog.example/p#comment-abs',
        }),
      ]);
      expect(article(el, 'rel')!.querySelector('[part~="avatar"]')).to.equal(null);
      expect(article(el, 'rel')!.querySelector('[part~="permalink"]')!.hasAttribute('href')).to.equal(false);
      // An avatar in view becomes an image at the next idle period (templates/avatar.ts).
      const avatar = () => article(el, 'abs')!.querySelector('[part~="avatar"]')!;
      await until(() => avatar().getAttribute('src') !== null, 'the avatar in view gets its src');
      expect(avatar().getAttribute('src')).to.equal('https://avatars.example/a.png');
      expect(article(el, 'abs')!.querySelector('[part~="permalink"]')!.getAttribute('href')).to.equal('https://blog.example/p#comment-abs');
    });

    it('the corpus of real comment HTML renders inert and accessible, comment headings below the thread\'s', async () => {
      const sources = await Promise.all(
        corpus.map(async (name) => (await fetch(new URL(`../fixtures/comments-html/${name}.html`, import.meta.url))).text()),
      );
      const el = await render(sources.map((value, i) => comment(corpus[i]!, value)));
      await settle(shadow(el));
      expect(assertInert(el)).to.be.greaterThan(100);
      expect(shadow(el).querySelectorAll('[part~="body"] :is(h1, h2)').length).to.equal(0);
      expect(shadow(el).querySelectorAll('[part~="body"] h3').length).to.equal(4);
      assertNothingRan(recorded);
      await expect(el).to.be.accessible();
    });
  });
}
