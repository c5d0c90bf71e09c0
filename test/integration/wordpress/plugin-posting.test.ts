// Posting on the plugin's post pages in Chromium, on the classic and the block theme, with WordPress as
// installed (anonymous REST comments off, its default moderation rule): a first-time visitor's comment
// is held, and a visitor signed in through wp-login.php posts as themselves and is published. The
// element starts from the theme's comments (no request for them), so who is signed in is learned when
// the adapter attaches, from the nonce the plugin prints.
import { expect, oneEvent } from '@open-wc/testing';
import type { CommentErrorEvent, CommentSubmittedEvent } from '../../../src/events.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { article, field, fill, part, submit, until } from '../../helpers.js';
import { logIn, openPage, seed, settings, stored, stranger, topForm, unique } from './wp.js';

const THEMES = ['twentytwentyone', 'twentytwentythree'] as const;
const pageUrl = (theme: string) => `/?p=${seed.postingPost}&ct_theme=${theme}`;

/** REST requests for the post's comments the page made. */
const commentRequests = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => /wp\/v2\/comments|rest_route=%2Fwp%2Fv2%2Fcomments/.test(url));

/** Posts through the element's own form; the outcome event, or the form's error. */
async function postThrough(el: CommentThread, values: Parameters<typeof fill>[1]): Promise<CommentSubmittedEvent> {
  const form = topForm(el);
  fill(form, values);
  const outcome = Promise.race([oneEvent(el, 'comment-submitted'), oneEvent(el, 'comment-error')]);
  submit(form);
  const event = await outcome;
  if (event.type === 'comment-error') throw (event as CommentErrorEvent).detail.error;
  return event as CommentSubmittedEvent;
}

/** The plugin's page, enhanced: its form is there. The anti-bot fill time is off, as a test types at once. */
async function enhanced(theme: string) {
  const page = await openPage(pageUrl(theme));
  await until(() => page.el()?.shadowRoot?.querySelector('[part~="form"]'), 'the element’s form');
  page.el().minFillTime = 0;
  return page;
}

describe('WordPress plugin: posting on the post page', () => {
  before(() => settings({ WP_PERMALINKS: 'plain', WP_ANONYMOUS: 0, WP_MODERATION: 'wordpress', WP_FLOOD_SECONDS: 0 }));
  after(() => settings({ WP_PERMALINKS: 'pretty' }));

  for (const theme of THEMES) {
    it(`${theme}: a first-time visitor posts through the enhanced form, sees "awaiting moderation", and WordPress holds it`, async () => {
      const page = await enhanced(theme);
      try {
        const el = page.el();
        expect(el.hasAttribute('wp-nonce')).to.equal(false);
        expect(part(el, 'logged-in')).to.equal(null);
        const content = unique('A first comment on this blog');
        const { comment } = (await postThrough(el, { content, ...stranger() })).detail;
        expect(comment.status).to.equal('pending');
        await until(() => article(el, comment.id)?.querySelector('[part~="moderation"]'), 'the held comment shown to its author');
        expect(article(el, comment.id)!.querySelector('[part~="moderation"]')!.textContent).to.contain('awaiting moderation');
        const saved = await stored(comment.id);
        expect([saved?.status, saved?.user]).to.deep.equal(['unapproved', 0]);
        expect(saved?.content).to.equal(content);
      } finally {
        page.close();
      }
    });
  }

  describe('signed in through wp-login.php', () => {
    before(() => logIn('admin', 'admin-password'));

    for (const theme of THEMES) {
      it(`${theme}: "Logged in as Sarah Anderson", no name or email asked; the comment is hers and published at once`, async () => {
        const page = await enhanced(theme);
        try {
          const el = page.el();
          // The plugin printed the REST nonce for her; the page's comments were still the first page.
          expect(el.getAttribute('wp-nonce')).to.match(/^[0-9a-f]{10}$/);
          await until(() => part(el, 'logged-in'), '"Logged in as …"');
          expect(part(el, 'logged-in')!.textContent).to.contain('Sarah Anderson');
          const form = topForm(el);
          expect(() => field(form, 'Name')).to.throw();
          expect(() => field(form, 'Email')).to.throw();
          expect(commentRequests(page.win)).to.deep.equal([]);
          const content = unique('Posted by the signed-in author');
          const { comment } = (await postThrough(el, { content })).detail;
          expect([comment.status, comment.author.name]).to.deep.equal(['approved', 'Sarah Anderson']);
          await until(() => article(el, comment.id), 'the comment shown in place');
          expect(article(el, comment.id)!.querySelector('[part~="moderation"]')).to.equal(null);
          const saved = await stored(comment.id);
          expect([saved?.status, saved?.user]).to.deep.equal(['approved', 1]);
        } finally {
          page.close();
        }
      });
    }
  });
});
