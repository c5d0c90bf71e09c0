// Posting on WordPress as installed: anonymous REST comments off (401 rest_comment_login_required), the
// page on the site's own origin, so the adapter posts through WordPress's comment form handler
// (wp-comments-post.php), under WordPress's default moderation rule.
import { expect } from '@open-wc/testing';
import { wordpress } from '../../../src/adapters/wordpress.js';
import type { CommentErrorEvent, CommentSubmittedEvent } from '../../../src/events.js';
import { article, field, part, until } from '../../helpers.js';
import { env, post, returning, seed, settings, stranger, thread, topForm, unique } from './wp.js';

const signal = new AbortController().signal;
const open = () => thread({ postId: seed.postingPost });
const root = String(seed.comments['posting-root']);

/** The POSTs this page made, by path. */
const posts = () =>
  (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => e.initiatorType === 'fetch')
    .map((e) => new URL(e.name).pathname);

describe('WordPress as installed: posting through the comment form handler (same origin)', () => {
  before(() => settings({ WP_ANONYMOUS: 0, WP_MODERATION: 'wordpress', WP_FLOOD_SECONDS: 0 }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    performance.clearResourceTimings();
  });

  it('posts a returning commenter\'s comment, approved, and shows it in place', async () => {
    expect(location.origin).to.equal(env.site);
    const el = await open();
    const content = unique('Through wp-comments-post.php');
    const event = (await post(el, topForm(el), { content, ...returning })) as CommentSubmittedEvent;
    expect(event.type).to.equal('comment-submitted');
    const { comment } = event.detail;
    expect(comment.status).to.equal('approved');
    expect(comment.id).to.match(/^\d+$/);
    expect(comment.author.name).to.equal('christopher sims');
    await until(() => article(el, comment.id), 'comment shown');
    expect(posts()).to.include('/wp-comments-post.php');
    const { comments } = await wordpress({ endpoint: env.site }).list({ postId: String(seed.postingPost), order: 'oldest', signal });
    expect(comments.find((c) => c.id === comment.id)!.body.value).to.contain(content);
  });

  it('posts a reply under its parent', async () => {
    const el = await open();
    article(el, root)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await until(() => part(el, 'reply-form'), 'reply form open');
    const event = (await post(el, part<HTMLFormElement>(el, 'reply-form')!, { content: unique('A reply by form'), ...returning })) as CommentSubmittedEvent;
    const { comment } = event.detail;
    expect([comment.parentId, comment.status]).to.deep.equal([root, 'approved']);
    await until(() => article(el, comment.id), 'reply shown');
    expect(article(el, comment.id)!.getAttribute('part')).to.contain('depth-2');
  });

  it('holds a first-time commenter\'s comment: WordPress\'s id from unapproved=, shown to its author only', async () => {
    const el = await open();
    const event = (await post(el, topForm(el), { content: unique('My first comment here'), ...stranger() })) as CommentSubmittedEvent;
    const { comment } = event.detail;
    expect(comment.status).to.equal('pending');
    expect(comment.id).to.match(/^\d+$/); // WordPress's own id, not a made-up one
    await until(() => article(el, comment.id), 'held comment shown');
    expect(article(el, comment.id)!.querySelector('[part~="moderation"]')!.textContent).to.contain('awaiting moderation');
    const reloaded = await open();
    expect(article(reloaded, comment.id)).to.exist;
    localStorage.clear();
    const reader = await open();
    expect(article(reader, comment.id)).to.equal(null);
  });

  it('posts later comments straight through the form handler, without asking REST again', async () => {
    const el = await open();
    await post(el, topForm(el), { content: unique('One'), ...returning });
    await post(el, topForm(el), { content: unique('Two'), ...returning });
    const restPosts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.initiatorType === 'fetch' && new URL(e.name).pathname === '/wp-json/wp/v2/comments' && !new URL(e.name).search,
    );
    // The one REST POST that learned the site refuses guests (GETs always carry a query).
    expect(restPosts).to.have.length(1);
    expect(posts().filter((p) => p === '/wp-comments-post.php')).to.have.length(2);
  });

  it('shows the handler\'s duplicate refusal (409) and keeps the draft', async () => {
    const el = await open();
    const content = unique('Said twice by form');
    expect((await post(el, topForm(el), { content, ...returning })).type).to.equal('comment-submitted');
    const event = (await post(el, topForm(el), { content, ...returning })) as CommentErrorEvent;
    expect([event.type, event.detail.error.status, event.detail.error.reason]).to.deep.equal(['comment-error', 409, 'duplicate']);
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain('Duplicate comment detected; it looks as though you’ve already said that!');
    expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal(content);
  });

  describe('with flood control on (15 s)', () => {
    before(() => settings({ WP_FLOOD_SECONDS: 15 }));
    after(() => settings({ WP_FLOOD_SECONDS: 0 }));

    it('shows the handler\'s flood refusal (429) and keeps the draft', async () => {
      const el = await open();
      expect((await post(el, topForm(el), { content: unique('First by form'), ...returning })).type).to.equal('comment-submitted');
      const content = unique('Too soon by form');
      const event = (await post(el, topForm(el), { content, ...returning })) as CommentErrorEvent;
      expect([event.type, event.detail.error.status, event.detail.error.reason]).to.deep.equal(['comment-error', 429, 'flood']);
      expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain('You are posting comments too quickly');
      expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal(content);
    });
  });

  it('refuses a comment on a post with comments closed', async () => {
    const error = await wordpress({ endpoint: env.site })
      .submit!({ postId: String(seed.closedPost), parentId: null, content: unique('Closed?'), author: returning }, { signal })
      .then(() => undefined, (e: Error) => e);
    expect(error).to.include({ status: 403, reason: 'closed' });
  });
});
