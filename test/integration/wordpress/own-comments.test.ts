// Edit and delete one's own comments on WordPress: offered to a signed-in visitor WordPress lets edit
// the comment (its edit_comment capability: here the administrator, Sarah Anderson, the posts' author),
// done through the REST API (PATCH, and DELETE to the trash) and checked in WordPress; never offered to
// visitors who are not signed in, nor to a subscriber, whom WordPress would refuse.
import { expect } from '@open-wc/testing';
import { wordpress } from '../../../src/adapters/wordpress.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { until } from '../../helpers.js';
import { env, logIn, seed, settings, stored, thread, unique } from './wp.js';

const signal = new AbortController().signal;
const restNonce = () => fetch('/wp-admin/admin-ajax.php?action=rest-nonce').then((r) => r.text());

/** The actions a comment's row offers, by name (reply, copy-link, edit, delete …). */
const actionsOf = (el: CommentThread, id: string | number) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`button[data-action][aria-describedby="comment-${id}-author"]`)].map(
    (b) => b.dataset.action,
  );

const hers = () => String(seed.comments['michelle-reply']);
const michelles = () => String(seed.comments['michelle']);

describe('WordPress: editing and deleting one’s own comments', () => {
  before(() => settings({ WP_ANONYMOUS: 0, WP_MODERATION: 'wordpress', WP_FLOOD_SECONDS: 0 }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('offers no Edit or Delete to a visitor who is not signed in, on anyone’s comment', async () => {
    const el = await thread({ postId: seed.post });
    expect(actionsOf(el, hers())).to.include('reply');
    for (const id of [hers(), michelles()]) {
      expect(actionsOf(el, id)).not.to.include('edit');
      expect(actionsOf(el, id)).not.to.include('delete');
    }
  });

  describe('signed in as the administrator', () => {
    let nonce: string;
    before(async () => {
      await logIn('admin', 'admin-password');
      nonce = await restNonce();
    });

    it('shows Edit and Delete on her own comments only, and says WordPress takes some HTML', async () => {
      const el = await thread({ postId: seed.post, nonce });
      // The actions and the hint come with the interactions module, loaded once the backend allows them.
      await until(() => actionsOf(el, hers()).includes('edit'), 'Edit on her comment');
      expect(actionsOf(el, hers())).to.include.members(['edit', 'delete']);
      expect(actionsOf(el, michelles())).not.to.include('edit');
      expect(actionsOf(el, michelles())).not.to.include('delete');
      await until(() => el.shadowRoot!.querySelector('[part~="format-hint"]'), 'the hint under the comment field');
      expect(el.shadowRoot!.querySelector('[part~="format-hint"]')!.textContent).to.contain('Some HTML works');
    });

    it('edits her comment through the adapter (PATCH): WordPress stores the new text', async () => {
      const adapter = wordpress({ endpoint: env.site, nonce });
      const postId = String(seed.postingPost);
      const posted = await adapter.submit!({ postId, parentId: null, content: unique('Before the edit'), author: { name: '', email: '' } }, { signal });
      expect([posted.status, posted.own]).to.deep.equal(['approved', true]);
      const content = unique('After the edit, with <em>emphasis</em>');
      const edited = await adapter.update!(posted.id, { postId, parentId: null, content, author: { name: '', email: '' } }, { postId, signal });
      expect([edited.id, edited.own, edited.source]).to.deep.equal([posted.id, true, content]);
      expect(edited.body.value).to.contain('<em>emphasis</em>');
      expect((await stored(posted.id))?.content).to.equal(content);
    });

    it('deletes her comment through the adapter (DELETE): WordPress moves it to the trash', async () => {
      const adapter = wordpress({ endpoint: env.site, nonce });
      const postId = String(seed.postingPost);
      const posted = await adapter.submit!({ postId, parentId: null, content: unique('To be deleted'), author: { name: '', email: '' } }, { signal });
      await adapter.remove!(posted.id, { postId, signal });
      expect((await stored(posted.id))?.status).to.equal('trash');
      const { comments } = await wordpress({ endpoint: env.site }).list({ postId, order: 'oldest', signal });
      expect(comments.map((c) => c.id)).not.to.include(posted.id);
    });
  });

  describe('signed in as a subscriber', () => {
    it('offers nothing on her own comment, as WordPress would refuse the change (edit_comment)', async () => {
      await logIn('reader', 'reader-password');
      const nonce = await restNonce();
      const adapter = wordpress({ endpoint: env.site, nonce });
      const postId = String(seed.postingPost);
      await settings({ WP_MODERATION: 'approve' });
      try {
        const posted = await adapter.submit!({ postId, parentId: null, content: unique('A subscriber’s comment'), author: { name: '', email: '' } }, { signal });
        expect(posted.author.name).to.equal('Reader Rita');
        expect(posted.own ?? false).to.equal(false);
        expect(adapter.capabilities.edit).to.equal(undefined);
        // WordPress's own answer to the change the element does not offer her.
        const url = `/?rest_route=/wp/v2/comments/${posted.id}`;
        const refused = await fetch(url, { method: 'DELETE', headers: { 'X-WP-Nonce': nonce } });
        expect(refused.status).to.equal(403);
        expect((await stored(posted.id))?.status).to.equal('approved');
      } finally {
        await settings({ WP_MODERATION: 'wordpress' });
      }
    });
  });
});
