// Posting through the REST API from a page on another origin (WordPress's own port), where the site
// allows anonymous REST comments (the rest_allow_anonymous_comments filter), and where it does not.
import { expect } from '@open-wc/testing';
import { CommentThreadError } from '../../../src/model/errors.js';
import { wordpress } from '../../../src/adapters/wordpress.js';
import type { CommentErrorEvent, CommentSubmittedEvent } from '../../../src/events.js';
import { article, field, part, until } from '../../helpers.js';
import { env, post, seed, settings, stranger, thread, topForm, unique } from './wp.js';

const signal = new AbortController().signal;
const open = () => thread({ postId: seed.postingPost, endpoint: env.direct });
const root = String(seed.comments['posting-root']);

async function replyForm(el: Awaited<ReturnType<typeof open>>) {
  article(el, root)!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
  await until(() => part(el, 'reply-form'), 'reply form open');
  return part<HTMLFormElement>(el, 'reply-form')!;
}

describe('WordPress: posting over REST from another origin', () => {
  before(() => settings({ WP_ANONYMOUS: 1, WP_MODERATION: 'approve', WP_FLOOD_SECONDS: 0 }));
  after(() => settings({ WP_ANONYMOUS: 0, WP_MODERATION: 'wordpress', WP_FLOOD_SECONDS: 0 }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('posts an approved top-level comment, shown in place and listed for everyone', async () => {
    const el = await open();
    const content = unique('A top-level comment over REST');
    const event = (await post(el, topForm(el), { content, ...stranger() })) as CommentSubmittedEvent;
    expect(event.type).to.equal('comment-submitted');
    const { comment } = event.detail;
    expect(comment.status).to.equal('approved');
    await until(() => article(el, comment.id), 'new comment shown');
    expect(article(el, comment.id)!.querySelector('[part~="body"]')!.textContent).to.contain(content);
    expect(article(el, comment.id)!.querySelector('[part~="moderation"]')).to.equal(null);
    const again = await open();
    expect(article(again, comment.id)).to.exist;
  });

  it('posts an approved reply under its parent', async () => {
    const el = await open();
    const event = (await post(el, await replyForm(el), { content: unique('A reply over REST'), ...stranger() })) as CommentSubmittedEvent;
    const { comment } = event.detail;
    expect([comment.parentId, comment.status]).to.deep.equal([root, 'approved']);
    await until(() => article(el, comment.id), 'reply shown');
    expect(article(el, comment.id)!.getAttribute('part')).to.contain('depth-2');
  });

  describe('with moderation on', () => {
    before(() => settings({ WP_MODERATION: 'hold' }));
    after(() => settings({ WP_MODERATION: 'approve' }));

    it('shows a held comment and reply to their author only, "awaiting moderation", across reloads', async () => {
      const el = await open();
      const top = ((await post(el, topForm(el), { content: unique('Held top-level'), ...stranger() })) as CommentSubmittedEvent).detail.comment;
      const reply = ((await post(el, await replyForm(el), { content: unique('Held reply'), ...stranger() })) as CommentSubmittedEvent).detail.comment;
      for (const comment of [top, reply]) {
        expect(comment.status).to.equal('pending');
        await until(() => article(el, comment.id), 'held comment shown to its author');
        expect(article(el, comment.id)!.querySelector('[part~="moderation"]')!.textContent).to.contain('awaiting moderation');
      }
      // The author reloads: still there, still awaiting moderation.
      const reloaded = await open();
      expect(article(reloaded, top.id)!.getAttribute('part')).to.contain('pending');
      expect(article(reloaded, reply.id)!.getAttribute('part')).to.contain('depth-2');
      // Anyone else: WordPress does not list them.
      localStorage.clear();
      const reader = await open();
      expect(article(reader, top.id)).to.equal(null);
      expect(article(reader, reply.id)).to.equal(null);
      const { comments } = await wordpress({ endpoint: env.direct }).list({ postId: String(seed.postingPost), order: 'oldest', signal });
      expect(comments.map((c) => c.id)).to.not.include.members([top.id, reply.id]);
    });
  });

  it('shows WordPress\'s duplicate refusal (409) and keeps the draft', async () => {
    const el = await open();
    const who = stranger();
    const content = unique('Said twice');
    await post(el, topForm(el), { content, ...who });
    const event = (await post(el, topForm(el), { content, ...who })) as CommentErrorEvent;
    expect(event.type).to.equal('comment-error');
    expect([event.detail.error.status, event.detail.error.reason]).to.deep.equal([409, 'duplicate']);
    const form = topForm(el);
    await until(() => form.querySelector('[part~="error"]'), 'error shown');
    expect(form.querySelector('[part~="error"]')!.textContent).to.contain('Duplicate comment detected; it looks as though you’ve already said that!');
    expect(field<HTMLTextAreaElement>(form, 'Comment').value).to.equal(content);
  });

  describe('with flood control on (15 s)', () => {
    before(() => settings({ WP_FLOOD_SECONDS: 15 }));
    after(() => settings({ WP_FLOOD_SECONDS: 0 }));

    it('shows WordPress\'s flood refusal for a second comment at once, and keeps the draft', async () => {
      const el = await open();
      const first = await post(el, topForm(el), { content: unique('First'), ...stranger() });
      expect(first.type).to.equal('comment-submitted');
      const content = unique('Too soon');
      const event = (await post(el, topForm(el), { content, ...stranger() })) as CommentErrorEvent;
      expect([event.type, event.detail.error.reason]).to.deep.equal(['comment-error', 'flood']);
      expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain('You are posting comments too quickly');
      expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal(content);
    });
  });

  it('refuses a comment on a post with comments closed (403 rest_comment_closed)', async () => {
    const adapter = wordpress({ endpoint: env.direct });
    const error = await adapter
      .submit!({ postId: String(seed.closedPost), parentId: null, content: unique('Closed?'), author: stranger() }, { signal })
      .then(() => undefined, (e: CommentThreadError) => e);
    expect(error).to.be.instanceOf(CommentThreadError);
    expect([error!.status, error!.reason, error!.serverMessage]).to.deep.equal([403, 'closed', 'Sorry, comments are closed for this item.']);
  });

  describe('where the site does not allow anonymous REST comments (WordPress\'s default)', () => {
    before(() => settings({ WP_ANONYMOUS: 0 }));
    after(() => settings({ WP_ANONYMOUS: 1 }));

    it('tells the site owner which filter to add, the reader that this page cannot post there, and keeps the draft', async () => {
      const el = await open();
      const content = unique('From elsewhere');
      const event = (await post(el, topForm(el), { content, ...stranger() })) as CommentErrorEvent;
      expect([event.type, event.detail.error.status, event.detail.error.reason]).to.deep.equal(['comment-error', 401, 'cross-origin']);
      // The owner's fix is in the developer's message (console and event), the reader gets plain words.
      expect(event.detail.error.message).to.contain("add_filter( 'rest_allow_anonymous_comments', '__return_true' );");
      const message = topForm(el).querySelector('[part~="error"]')!.textContent!;
      expect(message).to.equal('Comments on this site cannot be posted from this page.');
      expect(field<HTMLTextAreaElement>(topForm(el), 'Comment').value).to.equal(content);
    });
  });
});
