import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { bluesky } from '../../src/adapters/bluesky.js';
import { httpDefaults } from '../../src/adapters/http.js';
import { mastodon } from '../../src/adapters/mastodon.js';
import { memory } from '../../src/adapters/memory.js';
import { sources, SourceError } from '../../src/adapters/sources.js';
import { webmention } from '../../src/adapters/webmention.js';
import '../../src/define.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import type { Comment } from '../../src/model/schemas.js';
import { webmentionFetch } from '../adapters/webmention.test.js';
import { fixtureFetch, fixturePostIds, json } from '../fixtures/backends/index.js';
import { article, loaded, part, parts, shadow, until } from '../helpers.js';

const target = 'https://blog.example/2012/01/model-page/';
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input instanceof URL ? input.href : input);
const site: Comment[] = [
  { id: '1', parentId: null, author: { name: 'Site Reader' }, createdAt: '2012-03-01T12:00:00Z', body: { format: 'text', value: 'On the site.' }, status: 'approved' },
];

const everywhere = (blueskyFetch: typeof fetch = fixtureFetch('bluesky')) =>
  sources([
    memory({ comments: site }),
    { adapter: mastodon({ fetch: fixtureFetch('mastodon') }), postId: fixturePostIds.mastodon },
    { adapter: bluesky({ fetch: blueskyFetch }), postId: fixturePostIds.bluesky },
    { adapter: webmention({ fetch: webmentionFetch().fetch }), postId: target },
  ]);

describe('a thread from several sources', () => {
  const retries = httpDefaults.retries;
  before(() => (httpDefaults.retries = 0));
  after(() => (httpDefaults.retries = retries));

  it('shows every source’s comments with a badge naming their service, the site’s without', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${everywhere()}></comment-thread>`);
    await loaded(el);
    const toot = article(el, 'mastodon:109384210000001000')!;
    expect(toot.querySelector('[part~="source-badge"]')!.textContent).to.equal('on Mastodon');
    expect(article(el, '1')!.querySelector('[part~="source-badge"]')).to.equal(null);
    // Nesting kept: Sarah's Mastodon answer sits in Michelle's replies.
    expect(toot.closest('li')!.querySelector('[part~="replies"]')!.textContent).to.contain('Sarah');
    await expect(el).to.be.accessible();
  });

  it('answers a Mastodon comment on Mastodon (a link), and a site comment with the form', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${everywhere()}></comment-thread>`);
    await loaded(el);
    const there = article(el, 'mastodon:109384210000004000')!.querySelector<HTMLAnchorElement>('[part~="actions"] a')!;
    expect(there.textContent).to.equal('Reply on Mastodon');
    expect(there.href).to.equal('https://scholar.example/@gerald/109384210000004000');
    expect(article(el, 'mastodon:109384210000004000')!.querySelector('[part~="reply-button"]')).to.equal(null);
    const reply = article(el, '1')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
    reply.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'reply-form'), 'the reply form opens from the keyboard');
  });

  it('likes a Mastodon or Bluesky comment on its service (a link with the count), never with the site’s Like', async () => {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${everywhere()}></comment-thread>`);
    await loaded(el);
    // The site's backend (memory) can like: its own comment has the Like button.
    expect(!!article(el, '1')!.querySelector('[part~="like-button"]')).to.equal(true);
    for (const id of ['mastodon:109384210000004000', ...[...shadow(el).querySelectorAll('article[id^="comment-bluesky"]')].slice(0, 1).map((a) => decodeURIComponent(a.id.slice('comment-'.length)))]) {
      const comment = article(el, id)!;
      // Booleans, not elements: a failure says which, without printing a shadow tree.
      expect(!!comment.querySelector('[part~="like-button"]'), `${id}: no site Like`).to.equal(false);
      expect(!!comment.querySelector('[part~="edit-button"], [part~="delete-button"]'), `${id}: no site Edit or Delete`).to.equal(false);
      const like = comment.querySelector<HTMLAnchorElement>('[part~="actions"] a[part~="like-link-button"]');
      expect(!!like, `${id}: a link to like it on its service`).to.equal(true);
      expect(like!.textContent).to.match(/^Like on (Mastodon|Bluesky)( \d+)?$/);
      expect(like!.href).to.match(/^https:/);
    }
    // A Webmention has no like to give: neither a link nor a button.
    const mention = shadow(el).querySelector('article[id^="comment-webmention"]')!;
    expect(!!mention.querySelector('[part~="like-link-button"], [part~="like-button"]')).to.equal(false);
  });

  it('shows the others when one source fails, names it, says which in comment-error, and retries', async () => {
    let down = true;
    const blueskyFetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      down ? json({ error: 'InternalServerError' }, 503) : fixtureFetch('bluesky')(input, init)) as typeof fetch;
    const el = document.createElement('comment-thread') as CommentThread;
    el.loading = 'eager';
    el.adapter = everywhere(blueskyFetch);
    const failed = oneEvent(el, 'comment-error');
    document.body.append(el);
    const { detail } = await failed;
    expect(detail.error).to.be.instanceOf(SourceError);
    expect((detail.error as SourceError).source).to.equal('bluesky');
    await until(() => part(el, 'source-notice'), 'the note about Bluesky');
    expect(part(el, 'source-notice')!.textContent).to.contain('Comments from Bluesky could not be loaded.');
    expect(article(el, 'mastodon:109384210000001000')).to.exist;
    await expect(el).to.be.accessible();
    down = false;
    part<HTMLButtonElement>(el, 'source-notice')!.querySelector('button')!.click();
    await until(() => !part(el, 'source-notice') && parts(el, 'comment').some((c) => c.dataset.commentId?.startsWith('bluesky:')), 'Bluesky after Retry');
    el.remove();
  });

  it('names a source that fails on a later page, keeps the rest shown, and Retry asks only that source again', async () => {
    const pagedSite = memory({ comments: [...site, { ...site[0]!, id: '2', createdAt: '2013-01-01T12:00:00Z', body: { format: 'text', value: 'Later on the site.' } }, { ...site[0]!, id: '3', createdAt: '2014-01-01T12:00:00Z', body: { format: 'text', value: 'Much later.' } }], pageSize: 1 });
    const siteCursors: (string | undefined)[] = [];
    const siteSpy = { ...pagedSite, capabilities: pagedSite.capabilities, list: (q: Parameters<typeof pagedSite.list>[0]) => (siteCursors.push(q.cursor), pagedSite.list(q)) };
    const mastodonCalls: string[] = [];
    const mastodonFetch = ((input: RequestInfo | URL, init?: RequestInit) => (mastodonCalls.push(urlOf(input)), fixtureFetch('mastodon')(input, init))) as typeof fetch;
    // Webmentions two a page; the second page fails once.
    const mentions = webmentionFetch();
    let failSecond = true;
    const webmentionCalls: URL[] = [];
    const wmFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(urlOf(input));
      webmentionCalls.push(url);
      if (url.searchParams.get('page') === '1' && !url.searchParams.getAll('wm-property[]').includes('like-of') && failSecond) {
        failSecond = false;
        return json({ error: 'unavailable' }, 503);
      }
      return mentions.fetch(input, init);
    }) as typeof fetch;
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" .adapter=${sources([
      siteSpy,
      { adapter: mastodon({ fetch: mastodonFetch }), postId: fixturePostIds.mastodon },
      { adapter: webmention({ fetch: wmFetch, perPage: 2 }), postId: target },
    ])}></comment-thread>`);
    await loaded(el);
    expect(article(el, 'webmention:900001')).to.exist;

    const failed = oneEvent(el, 'comment-error');
    part<HTMLButtonElement>(el, 'load-more')!.click();
    const { detail } = await failed;
    expect(detail.phase).to.equal('load');
    expect(detail.error).to.be.instanceOf(SourceError);
    expect((detail.error as SourceError).source).to.equal('webmention');
    await until(() => part(el, 'source-notice'), 'the note about Webmention');
    expect(part(el, 'source-notice')!.textContent).to.contain('Webmention');
    // The others stay shown, and the site's next page arrived.
    expect(article(el, '2')).to.exist;
    expect(article(el, 'mastodon:109384210000001000')).to.exist;
    expect(article(el, 'webmention:900001')).to.exist;
    await expect(el).to.be.accessible();

    const before = { site: siteCursors.length, mastodon: mastodonCalls.length, webmention: webmentionCalls.length };
    const retry = part(el, 'source-notice')!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => article(el, 'webmention:900003'), 'the Webmention of the failed page after Retry');
    await until(() => !part(el, 'source-notice'), 'the note gone');
    expect(siteCursors.length, 'the site is not asked again').to.equal(before.site);
    expect(mastodonCalls.length, 'Mastodon is not asked again').to.equal(before.mastodon);
    const asked = webmentionCalls.slice(before.webmention);
    expect(asked.map((u) => u.searchParams.get('page'))).to.deep.equal(['1']);
    // The keyboard's place: the first comment that arrived, since Retry is gone.
    await until(() => shadow(el).activeElement === article(el, 'webmention:900003'), 'focus on the comment that arrived');
    // Load more goes on from where each source was: the site's third page.
    part<HTMLButtonElement>(el, 'load-more')!.click();
    await until(() => article(el, '3'), 'the site’s last page');
    expect(siteCursors.at(-1)).to.equal('2');
  });

  it('sums likes and reposts under the thread, faces linked, https only', async () => {
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" .adapter=${sources([memory({ comments: site }), { adapter: webmention({ fetch: webmentionFetch().fetch }), postId: target }])}></comment-thread>`,
    );
    await until(() => part(el, 'reactions'), 'the reactions row');
    expect(part(el, 'reactions-count')!.textContent).to.equal('5 likes, 1 repost');
    const faces = parts(el, 'reactor');
    expect(faces).to.have.length(3);
    expect(faces[0]!.querySelector('a')!.href).to.equal('https://likers.example/one');
    expect(faces[0]!.querySelector('img')!.getAttribute('loading')).to.equal('lazy');
    expect(faces[1]!.querySelector('img')).to.equal(null);
    expect(part(el, 'reactors-more')!.textContent).to.contain('+3');
    await expect(el).to.be.accessible();
  });
});

describe('the sources’ parts, styled and reachable', () => {
  const retries = httpDefaults.retries;
  before(() => (httpDefaults.retries = 0));
  after(() => (httpDefaults.retries = retries));
  const down = (async () => json({ error: 'InternalServerError' }, 503)) as typeof fetch;

  /** A thread with a badge, a failed source's note, the likes-and-reposts row and the reply links, all shown. */
  async function everything(style = '') {
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" style=${style} .adapter=${sources([
      memory({ comments: site }),
      { adapter: mastodon({ fetch: fixtureFetch('mastodon') }), postId: fixturePostIds.mastodon },
      { adapter: bluesky({ fetch: down }), postId: fixturePostIds.bluesky },
      { adapter: webmention({ fetch: webmentionFetch().fetch }), postId: target },
    ])}></comment-thread>`);
    await until(() => part(el, 'source-notice') && part(el, 'reactions') && part(el, 'reply-links'), 'the parts under the thread');
    return el;
  }

  it('styles every part through the public tokens', async () => {
    const el = await everything('--comment-thread-reactor-size: 40px; --comment-thread-reactor-radius: 3px; --comment-thread-source-badge-color: rgb(1, 2, 3); --comment-thread-source-badge-background: rgb(250, 250, 240)');
    const badge = getComputedStyle(part(el, 'source-badge')!);
    expect(badge.color).to.equal('rgb(1, 2, 3)');
    expect(badge.backgroundColor).to.equal('rgb(250, 250, 240)');
    expect(badge.borderTopStyle).to.equal('solid');
    const face = getComputedStyle(part(el, 'reactor-avatar')!);
    expect([face.width, face.height, face.borderTopLeftRadius]).to.deep.equal(['40px', '40px', '3px']);
    expect(getComputedStyle(part(el, 'reactor-initial')!).display).to.equal('grid');
    for (const name of ['reactors', 'reply-links']) {
      const list = getComputedStyle(part(el, name)!);
      expect([list.display, list.listStyleType], name).to.deep.equal(['flex', 'none']);
    }
    expect(getComputedStyle(part(el, 'source-notice')!).display).to.equal('flex');
    expect(getComputedStyle(part(el, 'reply-link-hint')!).display).to.equal('block');
  });

  it('leads the keyboard through the note, the faces and the reply links in order', async () => {
    const el = await everything();
    const retry = part(el, 'source-notice')!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    const expected = [...shadow(el).querySelectorAll<HTMLElement>('[part~="reactor-link"], [part~="reply-link-anchor"]')];
    expect(expected.length).to.be.greaterThan(3);
    retry.focus();
    const reached: Element[] = [];
    for (const _ of expected) {
      await sendKeys({ press: 'Tab' });
      reached.push(shadow(el).activeElement!);
    }
    expect(reached).to.deep.equal(expected);
  });

  for (const theme of ['classic', 'minimal', 'high-contrast']) {
    it(`passes axe in the ${theme} theme, light and dark`, async () => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `/themes/${theme}.css`;
      const ready = new Promise((resolve) => (link.onload = resolve));
      document.head.append(link);
      try {
        await ready;
        for (const scheme of ['light', 'dark']) {
          const el = await everything();
          el.setAttribute('theme', scheme);
          await el.updateComplete;
          await expect(el).to.be.accessible();
        }
      } finally {
        link.remove();
      }
    });
  }
});

describe('<comment-source> markup', () => {
  it('builds the merged thread from child elements', async () => {
    const original = globalThis.fetch;
    const mastodonFetch = fixtureFetch('mastodon');
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      String(input instanceof Request ? input.url : input).startsWith('https://mastodon.example/') ? mastodonFetch(input, init) : original(input, init)) as typeof fetch;
    try {
      const el = await fixture<CommentThread>(html`<comment-thread loading="eager" backend="memory" post-id="p">
        <comment-source backend="mastodon" post-id=${fixturePostIds.mastodon}></comment-source>
      </comment-thread>`);
      await until(() => article(el, 'mastodon:109384210000001000'), 'the Mastodon comments');
      // The row under the thread is its own lazy chunk: it shows when that arrives.
      await until(() => part(el, 'reply-links'), 'the reply links');
      expect(part(el, 'reply-links')!.textContent).to.contain('Reply on Mastodon');
    } finally {
      globalThis.fetch = original;
    }
  });
});
