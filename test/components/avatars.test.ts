// Avatars load only when their comment nears the viewport, and a broken one hides itself. Behaviour,
// not time: which images have a `src` with the thread at the top, and after scrolling to the end.
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

  it('far below have no src until scrolled near; near the top they load', async () => {
    const el = await mount(120);
    await until(() => avatarOf(el, 'a1').getAttribute('src'), 'the first avatar gets its src');
    expect(avatarOf(el, 'a1').src).to.equal(`${AVATAR}?1`);
    const last = avatarOf(el, 'a119');
    expect(last.hasAttribute('src'), 'an avatar far below has no src').to.equal(false);
    const withSrc = parts<HTMLImageElement>(el, 'avatar').filter((img) => img.hasAttribute('src')).length;
    expect(withSrc).to.be.above(0).and.below(60);

    last.scrollIntoView();
    await until(() => last.getAttribute('src'), 'the avatar scrolled near gets its src');
    expect(last.src).to.equal(`${AVATAR}?119`);
  });

  it('a broken avatar hides itself, through one listener for all of them', async () => {
    const el = await mount(30);
    const broken = avatarOf(el, 'a30');
    broken.scrollIntoView();
    await until(() => broken.hidden, 'the broken avatar is hidden');
    expect(getComputedStyle(broken).display).to.equal('none');
    expect(avatarOf(el, 'a29').hidden).to.equal(false);
  });

  it('are decorative (alt="") and the thread stays accessible', async () => {
    const el = await mount(12);
    for (const img of parts<HTMLImageElement>(el, 'avatar')) expect(img.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });
});
