// Likes in the actions row: a toggle with its count, shown at once and put back when the backend refuses;
// one per visitor, remembered in this browser where the backend does not know who likes; read-only
// counts that link to the service (Mastodon, Bluesky); and the REST protocol's like routes.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import { rest } from '../../src/adapters/rest.js';
import type { CommentAdapter } from '../../src/adapters/types.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { bluesky } from '../../src/adapters/bluesky.js';
import { mastodon } from '../../src/adapters/mastodon.js';
import { CommentThreadError } from '../../src/model/errors.js';
import { json, loadFixture, type RawJson } from '../fixtures/backends/index.js';
import { comment, seedThread } from '../fixtures.js';
import { article, deferred, loaded, part, scripted, shadow, until } from '../helpers.js';

const render = async (adapter: CommentAdapter, lang = 'en') => {
  const el = await fixture<CommentThread>(
    html`<comment-thread loading="eager" lang=${lang} .adapter=${adapter} post-id="1"></comment-thread>`,
  );
  await loaded(el);
  return el;
};

const likeButton = (el: CommentThread, id: string) => article(el, id)!.querySelector<HTMLButtonElement>('[part~="like-button"]');
const announced = (el: CommentThread) => part(el, 'status')!.textContent!.trim();

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('likes', () => {
  it('likes a comment: pressed, counted, kept after a reload, and taken back', async () => {
    const seed = [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 2 })];
    const el = await render(memory({ comments: seed, storageKey: 'likes-test' }));
    const button = likeButton(el, '1')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent).to.equal('Like 2');
    button.click();
    await until(() => likeButton(el, '1')!.getAttribute('aria-pressed') === 'true', 'the like was not shown');
    expect(likeButton(el, '1')!.textContent).to.equal('Like 3');
    await expect(el).to.be.accessible();

    // Another page view: the count is the backend's, the pressed state this browser's.
    const again = await render(memory({ comments: seed, storageKey: 'likes-test' }));
    expect(likeButton(again, '1')!.textContent).to.equal('Like 3');
    // This browser's memory of the like comes with the interactions module, loaded after the comments.
    await until(() => likeButton(again, '1')!.getAttribute('aria-pressed') === 'true', 'the like was not remembered');
    likeButton(again, '1')!.click();
    await until(() => likeButton(again, '1')!.getAttribute('aria-pressed') === 'false', 'the like was not taken back');
    expect(likeButton(again, '1')!.textContent).to.equal('Like 2');
  });

  it('shows the like at once, and puts it back with a polite announcement when the backend refuses', async () => {
    const answer = deferred<number>();
    const adapter = {
      ...scripted({ list: async () => ({ comments: [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 4 })] }), capabilities: { likes: true } }),
      like: () => answer.promise,
      unlike: () => answer.promise,
    };
    const el = await render(adapter);
    const errors: Event[] = [];
    el.addEventListener('comment-error', (e) => errors.push(e));
    likeButton(el, '1')!.click();
    await until(() => likeButton(el, '1')!.textContent === 'Like 5', 'the like was not shown before the answer');
    expect(likeButton(el, '1')!.getAttribute('aria-pressed')).to.equal('true');
    answer.reject(new CommentThreadError('network', 'offline'));
    await until(() => likeButton(el, '1')!.textContent === 'Like 4', 'the like was not put back');
    expect(likeButton(el, '1')!.getAttribute('aria-pressed')).to.equal('false');
    expect(announced(el)).to.contain('Your like could not be saved.');
    expect(part(el, 'status')!.getAttribute('aria-live')).to.equal('polite');
    expect(errors).to.have.length(1);
  });

  it('is reached and pressed from the keyboard, the count formatted for the reader’s language', async () => {
    const seed = [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 12345 })];
    const el = await render(memory({ comments: seed }), 'de');
    await until(() => likeButton(el, '1')!.textContent === 'Gefällt mir 12.345', 'the German count never showed');
    likeButton(el, '1')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => likeButton(el, '1')!.textContent === 'Gefällt mir 12.346', 'Enter did not like');
    expect(shadow(el).activeElement === likeButton(el, '1'), 'focus stays on Like').to.equal(true);
  });

  it('offers no like where the backend counts none', async () => {
    const el = await render(scripted({ list: async () => ({ comments: seedThread }) }));
    expect(likeButton(el, '1')).to.equal(null);
  });

  it('links read-only counts to the service where likes are given', async () => {
    const seed = [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 7, likeUrl: 'https://mastodon.example/@ann/1' })];
    const el = await render(
      scripted({ list: async () => ({ comments: seed }), capabilities: { post: false, reply: false, likesReadOnly: { service: 'mastodon' } } }),
    );
    const link = article(el, '1')!.querySelector<HTMLAnchorElement>('[part~="like-link-button"]')!;
    expect(link.tagName).to.equal('A');
    expect(link.href).to.equal('https://mastodon.example/@ann/1');
    expect(link.textContent).to.equal('Like on Mastodon 7');
    expect(likeButton(el, '1')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('likes through the REST protocol, counted by the server', async () => {
    await fetch('/test-api/reset/likes', {
      method: 'POST',
      body: JSON.stringify({ comments: [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 1 })], features: { likes: true } }),
    });
    const el = await render(rest({ endpoint: '/test-api/rest/likes' }));
    likeButton(el, '1')!.click();
    await until(() => likeButton(el, '1')!.textContent === 'Like 2', 'the like was not counted');
    const log = (await (await fetch('/test-api/log/likes')).json()) as { method: string; url: string }[];
    expect(log.filter((e) => e.method === 'POST' && e.url.endsWith('/comments/1/like'))).to.have.length(1);
    const list = (await (await fetch('/test-api/rest/likes/posts/1/comments')).json()) as { comments: { likes: number }[] };
    expect(list.comments[0]!.likes).to.equal(2);
  });
});

describe('Mastodon and Bluesky: counts read-only, hidden replies left out (fixtures)', () => {
  const signal = new AbortController().signal;
  const status = 'https://mastodon.example/@sarah/109384210000000000';
  const id = (n: number) => String(109384210000000000n + BigInt(n * 1000));

  it('links each Mastodon favourite count to its status, and drops a status the reader’s filter hides with its replies', async () => {
    const context = await loadFixture('mastodon/context.json');
    const first = (context.descendants as RawJson[]).find((s) => s.id === id(1))!;
    first.filtered = [{ filter: { filter_action: 'hide' } }];
    const adapter = mastodon({ fetch: async () => json(context) });
    const { comments } = await adapter.list({ postId: status, order: 'oldest', signal });
    expect(comments.map((c) => c.id)).to.deep.equal([id(4), id(5), id(6), id(7)]);
    expect(comments.every((c) => c.likeUrl === c.permalink && c.likeUrl!.startsWith('https://'))).to.equal(true);
    expect(adapter.capabilities.likesReadOnly).to.deep.equal({ service: 'mastodon' });
    expect(adapter.capabilities.likes).to.equal(undefined);
  });

  it('keeps a Mastodon status a filter only warns about', async () => {
    const context = await loadFixture('mastodon/context.json');
    (context.descendants as RawJson[]).find((s) => s.id === id(4))!.filtered = [{ filter: { filter_action: 'warn' } }];
    const { comments } = await mastodon({ fetch: async () => json(context) }).list({ postId: status, order: 'oldest', signal });
    expect(comments.map((c) => c.id)).to.include(id(4));
  });

  it('drops the replies a Bluesky author hid with the threadgate, with their own replies, and links likes to the post', async () => {
    const answer = await loadFixture('bluesky/getPostThread.json');
    const at = answer.thread.post.uri as string;
    const michelle = `at://did:plc:michelle0000000000000000/app.bsky.feed.post/3kmodel000001`;
    answer.threadgate = { uri: `${at}/gate`, record: { hiddenReplies: [michelle] } };
    const adapter = bluesky({ fetch: async () => json(answer) });
    const { comments } = await adapter.list({ postId: at, order: 'oldest', signal });
    const ids = comments.map((c) => c.id);
    expect(ids).to.not.include(michelle);
    // Sarah's answer to the hidden reply, and the answer to hers, went with it.
    expect(ids).to.not.include('at://did:plc:sarah00000000000000000000/app.bsky.feed.post/3kmodel000002');
    expect(ids).to.not.include('at://did:plc:michelle0000000000000000/app.bsky.feed.post/3kmodel000003');
    expect(ids).to.have.length(4);
    expect(comments.every((c) => c.likeUrl === c.permalink)).to.equal(true);
    expect(adapter.capabilities.likesReadOnly).to.deep.equal({ service: 'bluesky' });
  });
});

describe('likes: events', () => {
  it('fires comment-like with the comment’s id, liked and the count the backend gave, both ways', async () => {
    let count = 10;
    const adapter = {
      ...scripted({ list: async () => ({ comments: [comment('1', null, '2020-01-01T00:00:00Z', 'Ann', { likes: 4 })] }), capabilities: { likes: true } }),
      // The backend's number, not the element's guess (others liked meanwhile).
      like: async () => (count += 1),
      unlike: async () => (count -= 1),
    };
    const el = await render(adapter);
    const liked = oneEvent(el, 'comment-like');
    likeButton(el, '1')!.click();
    const event = await liked;
    expect(event.detail).to.deep.equal({ id: '1', liked: true, count: 11 });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    await until(() => likeButton(el, '1')!.textContent === 'Like 11', 'the backend’s count was not shown');
    const unliked = oneEvent(el, 'comment-like');
    likeButton(el, '1')!.click();
    expect((await unliked).detail).to.deep.equal({ id: '1', liked: false, count: 10 });
  });

  it('fires comment-error with phase "like", and no comment-like, when the backend refuses', async () => {
    const adapter = {
      ...scripted({ list: async () => ({ comments: [comment('1', null, '2020-01-01T00:00:00Z', 'Ann')] }), capabilities: { likes: true } }),
      like: async (): Promise<number> => {
        throw new CommentThreadError('http', 'busy', { status: 503 });
      },
      unlike: async () => 0,
    };
    const el = await render(adapter);
    let likes = 0;
    el.addEventListener('comment-like', () => likes++);
    const failed = oneEvent(el, 'comment-error');
    likeButton(el, '1')!.click();
    const { detail } = await failed;
    expect(detail.phase).to.equal('like');
    expect(detail.error.status).to.equal(503);
    expect(likes).to.equal(0);
  });
});
