// Links to one comment and comment counts on a real WordPress: a thread of more than two REST pages
// opened at `#comment-ID` of a comment on its third page, a link to a comment WordPress does not serve,
// and a page of 20 <comment-count> elements read in at most 2 requests.
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentCount } from '../../../src/components/comment-count/comment-count.js';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { article, part, until } from '../../helpers.js';
import { env, seed, settings } from './wp.js';

const counts = (seed as typeof seed & { counts: Record<string, number> }).counts;
const linkTo = (hash: string) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);

/** A lazy thread of the seeded post, far below the fold: only the link makes it load. */
async function linkedThread(): Promise<CommentThread> {
  const page = await fixture<HTMLElement>(html`<div>
    <div style="height: 4000px"></div>
    <comment-thread backend="wordpress" endpoint=${env.site} post-id=${String(seed.post)} lang="en"></comment-thread>
  </div>`);
  return page.querySelector('comment-thread')!;
}

/** Requests to WordPress's comments collection made while `run` runs. */
async function commentRequests(run: () => Promise<void>): Promise<string[]> {
  const urls: string[] = [];
  const original = Object.getOwnPropertyDescriptor(window, 'fetch')!;
  const send = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/wp\/v2\/comments|rest_route=%2Fwp%2Fv2%2Fcomments/.test(url)) urls.push(url);
    return send(input, init);
  };
  try {
    await run();
  } finally {
    Object.defineProperty(window, 'fetch', original);
  }
  return urls;
}

describe('WordPress: links to one comment and counts', () => {
  before(() => settings({ WP_ANONYMOUS: 0, WP_PERMALINKS: 'pretty' }));
  afterEach(() => {
    linkTo('');
    scrollTo(0, 0);
  });

  it('opens a thread at #comment-ID of a comment on its third page: in view, focused, marked, announced', async () => {
    // A thread of over 300; extra comment 250 is the 261st oldest: on the third page of 100.
    expect(seed.approved).to.be.greaterThan(300);
    const id = String(seed.extra.first + 249);
    linkTo(`#comment-${id}`);
    let el!: CommentThread;
    const requests = await commentRequests(async () => {
      el = await linkedThread();
      await until(() => article(el, id) !== null && el.shadowRoot!.activeElement === article(el, id), 'the linked comment was not focused');
    });
    expect(requests.filter((url) => /[?&]page=3/.test(url))).to.have.length(1);
    const target = article(el, id)!;
    expect(target.id).to.equal(`comment-${id}`);
    expect(target.hasAttribute('data-linked')).to.equal(true);
    const box = target.getBoundingClientRect();
    expect(box.top >= 0 && box.top < innerHeight).to.equal(true);
    await until(() => part(el, 'status')!.textContent!.trim() === 'Showing the linked comment by Reader 250.', 'not announced');
    // Copy link gives WordPress's own permalink for it.
    expect(target.querySelector('[part~="copy-link-button"]')).to.not.equal(null);
  });

  it('says a linked comment WordPress does not serve is gone', async () => {
    // A comment held for moderation exists, but WordPress serves it to nobody anonymous.
    linkTo(`#comment-${seed.comments['pending']}`);
    const el = await linkedThread();
    await until(() => part(el, 'missing-comment') !== null, 'no notice for the missing comment');
    expect(part(el, 'missing-comment')!.textContent!.trim()).to.equal('This comment is no longer available.');
    await until(() => part(el, 'status')!.textContent!.trim() === 'This comment is no longer available.', 'not announced');
  });

  it('shows 20 counts with at most 2 requests', async () => {
    const posts = Object.keys(counts);
    expect(posts).to.have.length(20);
    let elements: CommentCount[] = [];
    const requests = await commentRequests(async () => {
      const page = await fixture<HTMLElement>(html`<ul lang="en">
        ${posts.map((post) => html`<li><comment-count backend="wordpress" endpoint=${env.site} post-id=${post}></comment-count></li>`)}
      </ul>`);
      elements = [...page.querySelectorAll('comment-count')];
      await until(() => elements.every((el) => el.count !== undefined), 'not every count arrived');
    });
    expect(elements.map((el) => el.count)).to.deep.equal(posts.map((post) => counts[post]));
    expect(elements[1]!.textContent!.trim()).to.equal(counts[posts[1]!] === 0 ? 'No comments yet' : `${counts[posts[1]!]} comments`);
    expect(requests.length).to.be.at.most(2);
  });
});
