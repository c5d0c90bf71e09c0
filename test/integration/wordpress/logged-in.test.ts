// A visitor logged in to the WordPress site (a subscriber, Reader Rita) on the site's own pages, with
// anonymous REST comments off as WordPress ships: "Logged in as …", no name or email asked, and the
// comment is hers.
import { expect } from '@open-wc/testing';
import type { CommentSubmittedEvent } from '../../../src/events.js';
import { article, field, part, until } from '../../helpers.js';
import { post, seed, settings, thread, topForm, unique } from './wp.js';

const open = (nonce?: string) => thread({ postId: seed.postingPost, ...(nonce ? { nonce } : {}) });

/** Logs in through wp-login.php, as the browser's login form would. */
async function logIn(user: string, password: string) {
  document.cookie = 'wordpress_test_cookie=WP%20Cookie%20check; path=/';
  const response = await fetch('/wp-login.php', {
    method: 'POST',
    body: new URLSearchParams({ log: user, pwd: password, testcookie: '1', redirect_to: '/wp-admin/' }),
    redirect: 'manual',
  });
  expect(response.type, 'wp-login.php redirects once logged in').to.equal('opaqueredirect');
}

/** What a theme passes to the element: wp_create_nonce( 'wp_rest' ) for the current user. */
const restNonce = () => fetch('/wp-admin/admin-ajax.php?action=rest-nonce').then((r) => r.text());

describe('WordPress: a logged-in visitor on the site\'s own pages', () => {
  before(async () => {
    await settings({ WP_ANONYMOUS: 0, WP_MODERATION: 'approve', WP_FLOOD_SECONDS: 0 });
    await logIn('reader', 'reader-password');
  });
  after(() => settings({ WP_MODERATION: 'wordpress' }));
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    document.body.classList.remove('logged-in');
  });

  it('with the theme\'s nonce: "Logged in as Reader Rita", no name or email, posts as her', async () => {
    const nonce = await restNonce();
    expect(nonce).to.match(/^[0-9a-f]{10}$/);
    const el = await open(nonce);
    const form = topForm(el);
    expect(form.querySelector('[part~="logged-in"]')!.textContent).to.contain('Reader Rita');
    expect(() => field(form, 'Name')).to.throw();
    expect(() => field(form, 'Email')).to.throw();
    const event = (await post(el, form, { content: unique('Posted while logged in') })) as CommentSubmittedEvent;
    expect(event.type).to.equal('comment-submitted');
    expect([event.detail.comment.author.name, event.detail.comment.status]).to.deep.equal(['Reader Rita', 'approved']);
    await until(() => article(el, event.detail.comment.id), 'comment shown');
  });

  it('without a nonce, on a page WordPress marks logged-in (body class), finds out who is there itself', async () => {
    document.body.classList.add('logged-in');
    const el = await open();
    expect(part(el, 'logged-in')!.textContent).to.contain('Reader Rita');
  });

  it('without any hint, posts through the form handler with her cookies: WordPress makes the comment hers', async () => {
    const el = await open();
    const form = topForm(el);
    expect(part(el, 'logged-in')).to.equal(null); // the page could not tell
    const content = unique('Posted with cookies only');
    const event = (await post(el, form, { content, name: 'Someone Else', email: 'someone@example.com' })) as CommentSubmittedEvent;
    expect(event.type).to.equal('comment-submitted');
    expect(event.detail.comment.author.name).to.equal('Reader Rita');
    expect(event.detail.comment.body.value).to.contain(content);
  });
});
