/**
 * A slow load says it is still trying: after 4 s of loading, once, in the loading state and through the
 * live region, with the thread still aria-busy. Time is a fake clock the test moves (no test waits
 * seconds); the adapter answers when the test says.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ListQuery } from '../../src/adapters/types.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { en } from '../../src/i18n/messages.js';
import type { Page } from '../../src/model/schemas.js';
import { installFakeClock, type FakeClock } from '../faults/fake-clock.js';
import { comment } from '../fixtures.js';
import { deferred, loaded, part, parts, scripted } from '../helpers.js';

let clock: FakeClock;
beforeEach(() => (clock = installFakeClock()));
afterEach(() => clock.restore());

/** An adapter whose every list() waits for the test: `answer()` resolves the latest one. */
function waiting() {
  const lists: { query: ListQuery; reply: ReturnType<typeof deferred<Page>> }[] = [];
  const adapter = scripted({
    list: (query) => {
      const reply = deferred<Page>();
      query.signal.addEventListener('abort', () => reply.reject(new DOMException('Aborted', 'AbortError')));
      lists.push({ query, reply });
      return reply.promise;
    },
  });
  const answer = () => lists.at(-1)!.reply.resolve({ comments: [comment('1', null, '2020-01-01T00:00:00Z', 'Ann')], total: 1, cursor: null });
  return { adapter, lists, answer };
}

/** Every text the live region has held, in order. */
function spoken(el: CommentThread) {
  const said: string[] = [];
  const region = part(el, 'status')!;
  new MutationObserver(() => said.push(region.textContent!)).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

const notice = (el: CommentThread) => part(el, 'thread')!.querySelector('[part~="notice"]');
const busy = (el: CommentThread) => part(el, 'thread')!.getAttribute('aria-busy');

const render = (adapter: ReturnType<typeof waiting>['adapter'], postId = '1') =>
  fixture<CommentThread>(html`<comment-thread loading="eager" post-id=${postId} .adapter=${adapter}></comment-thread>`);

describe('a slow load', () => {
  it('says "still trying" after 4 s, once, visibly and through the live region, and stays busy', async () => {
    const server = waiting();
    const el = await render(server.adapter);
    const said = spoken(el);
    await clock.advance(3_999);
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
    expect(busy(el)).to.equal('true');
    await clock.advance(1);
    await el.updateComplete;
    expect(notice(el)!.textContent).to.equal(en.stillTrying);
    expect(part(el, 'status')!.textContent).to.equal(en.stillTrying);
    expect(busy(el)).to.equal('true');
    await expect(el).to.be.accessible();
    await clock.advance(30_000);
    await el.updateComplete;
    expect(said.filter((text) => text.includes(en.stillTrying)), 'said once').to.have.length(1);
    server.answer();
    await loaded(el);
    expect(parts(el, 'comment')).to.have.length(1);
    expect(notice(el)).to.equal(null);
    expect(part(el, 'status')!.textContent, 'not left in the live region').to.equal('');
    expect(busy(el)).to.equal('false');
  });

  it('a load that answers within 4 s says nothing', async () => {
    const server = waiting();
    const el = await render(server.adapter);
    const said = spoken(el);
    await clock.advance(3_000);
    server.answer();
    await loaded(el);
    await clock.advance(10_000);
    await el.updateComplete;
    expect(said.filter((text) => text.includes(en.stillTrying))).to.deep.equal([]);
    expect(clock.pending(), 'no timer left behind').to.deep.equal([]);
  });

  it('a new load (another post) starts its 4 s afresh', async () => {
    const server = waiting();
    const el = await render(server.adapter);
    await clock.advance(3_000);
    el.postId = '2';
    await el.updateComplete;
    expect(server.lists).to.have.length(2);
    await clock.advance(3_999);
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
    await clock.advance(1);
    await el.updateComplete;
    expect(notice(el)!.textContent).to.equal(en.stillTrying);
  });

  it('a slow load that fails shows the error, not "still trying", and clears the live region for it', async () => {
    const server = waiting();
    const el = await render(server.adapter);
    await clock.advance(4_000);
    await el.updateComplete;
    expect(notice(el)).to.not.equal(null);
    server.lists[0]!.reply.reject(new TypeError('Failed to fetch'));
    await loaded(el);
    expect(part(el, 'error-state')).to.not.equal(null);
    expect(notice(el)).to.equal(null);
    expect(part(el, 'status')!.textContent).to.equal('');
  });

  it('removing the element mid-load stops the clock', async () => {
    const server = waiting();
    const el = await render(server.adapter);
    await clock.advance(1_000);
    el.remove();
    expect(clock.pending()).to.deep.equal([]);
  });
});
