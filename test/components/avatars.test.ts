// Avatars load only when their comment nears the viewport, and until then are no image at all (a
// placeholder of the same size); a broken one hides itself. Behaviour, not time: which avatars are
// images with a `src` with the thread at the top, and after scrolling to the end.
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { loaded, parts, scripted, until } from '../helpers.js';

const AVATAR = new URL('/test/fixtures/images/avatar.svg', location.href).href;
/** An address on the test server that answers 404: an avatar that cannot load. */
const BROKEN = new URL('/test/fixtures/images/no-such-avatar.png', location.href).href;

/** `n` top-level comments, each with an avatar; the last one's is broken. */
function thread(n: number): Comment[] {
  return Array.from({ length: n }, (_, i) => {
    const c = comment(`a${i + 1}`, null, new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString());
    return { ...c, author: { ...c.author, avatarUrl: i === n - 1 ? BROKEN : `${AVATAR}?${i + 1}` } };
  });
}

async function mount(n: number) {
  const comments = thread(n);
  const adapter = scripted({ list: async () => ({ comments, total: n, cursor: null }) });
  const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${adapter}></comment-thread>`);
  await loaded(el);
  await until(() => parts(el, 'comment').length === n, 'every comment rendered');
  return el;
}

const avatarOf = (el: CommentThread, id: string) =>
  el.shadowRoot!.querySelector<HTMLImageElement>(`article[data-comment-id="${id}"] [part~="avatar"]`)!;

describe('avatars', () => {
  afterEach(() => scrollTo(0, 0));

  it('far below are no image and have no src until scrolled near; near the top they load', async () => {
    const el = await mount(120);
    await until(() => avatarOf(el, 'a1').getAttribute('src'), 'the first avatar gets its src');
    expect(avatarOf(el, 'a1').localName).to.equal('img');
    expect(avatarOf(el, 'a1').src).to.equal(`${AVATAR}?1`);
    const last = avatarOf(el, 'a119');
    expect(last.localName, 'an avatar far below is a placeholder, not an image').to.equal('span');
    expect(last.hasAttribute('src'), 'an avatar far below has no src').to.equal(false);
    const images = el.shadowRoot!.querySelectorAll('img');
    expect(images.length, 'images in the thread').to.be.above(0).and.below(60);
    for (const img of images) expect(img.hasAttribute('src')).to.equal(true);

    // The placeholder holds the image's box: nothing moves when the image takes its place.
    const header = last.closest('header')!;
    const box = (node: Element) => {
      const r = node.getBoundingClientRect();
      const h = header.getBoundingClientRect();
      return { left: r.left - h.left, top: r.top - h.top, width: r.width, height: r.height };
    };
    const author = header.querySelector('[part~="author"]')!;
    const before = { avatar: box(last), author: box(author), header: header.getBoundingClientRect().height };
    expect(before.avatar.width).to.be.above(0);
    last.scrollIntoView();
    await until(() => avatarOf(el, 'a119').getAttribute('src'), 'the avatar scrolled near gets its src');
    const img = avatarOf(el, 'a119');
    expect(img.localName).to.equal('img');
    expect(img.src).to.equal(`${AVATAR}?119`);
    expect({ avatar: box(img), author: box(author), header: header.getBoundingClientRect().height }).to.deep.equal(before);
  });

  it('become images only when the main thread is idle, as many as the idle period has room for', async () => {
    // The page's idle periods, held: each callback runs when the test says, with the time it is given.
    const held: IdleRequestCallback[] = [];
    const idle = (ms: number) => held.shift()!({ didTimeout: false, timeRemaining: () => ms });
    // What earlier tests left for an idle period has had it (idle callbacks run in order).
    await new Promise((resolve) => requestIdleCallback(resolve));
    const original = Object.getOwnPropertyDescriptor(window, 'requestIdleCallback')!;
    window.requestIdleCallback = (callback) => held.push(callback);
    try {
      const el = await mount(12);
      await until(() => held.length > 0, 'avatars near the top wait for an idle period');
      // Two frames: the browser has said which subtrees are near the viewport, and still no image.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(el.shadowRoot!.querySelectorAll('img').length, 'no image before the idle period').to.equal(0);
      expect(avatarOf(el, 'a1').hasAttribute('src')).to.equal(false);

      // An idle period with no time left shows nothing, and asks for another.
      idle(0);
      expect(el.shadowRoot!.querySelectorAll('img').length, 'no image in a spent idle period').to.equal(0);
      expect(held.length, 'another idle period asked for').to.equal(1);

      // Idle periods with time: the avatars near the top become images in them, and only in them.
      await until(() => {
        while (held.length) idle(50);
        return avatarOf(el, 'a1').localName === 'img';
      }, 'the first avatar becomes an image in an idle period');
      expect(avatarOf(el, 'a1').src).to.equal(`${AVATAR}?1`);
    } finally {
      Object.defineProperty(window, 'requestIdleCallback', original);
      while (held.length) idle(50);
    }
  });

  it('a broken avatar hides itself, through one listener for all of them', async () => {
    const el = await mount(30);
    avatarOf(el, 'a30').scrollIntoView();
    await until(() => avatarOf(el, 'a30').hidden, 'the broken avatar is hidden');
    const broken = avatarOf(el, 'a30');
    expect(broken.localName).to.equal('img');
    expect(getComputedStyle(broken).display).to.equal('none');
    expect(avatarOf(el, 'a29').hidden).to.equal(false);
  });

  it('are decorative (alt="") and the thread stays accessible', async () => {
    const el = await mount(12);
    await until(() => el.shadowRoot!.querySelector('img[part~="avatar"]'), 'an avatar in view is an image');
    for (const avatar of parts<HTMLImageElement>(el, 'avatar')) {
      // An image says nothing; a placeholder has nothing to say.
      if (avatar.localName === 'img') expect(avatar.getAttribute('alt')).to.equal('');
      else expect([avatar.localName, avatar.textContent, avatar.getAttribute('role')]).to.deep.equal(['span', '', null]);
    }
    await expect(el).to.be.accessible();
  });
});
