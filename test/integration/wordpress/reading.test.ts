// Reading a real WordPress through the element: the seeded thread of post 42, paging, moderation, a
// closed post, raw administrator HTML, slug post ids, and plain permalinks.
import { expect } from '@open-wc/testing';
import { wordpress } from '../../../src/adapters/wordpress.js';
import { article, part, parts, until } from '../../helpers.js';
import { env, seed, settings, thread } from './wp.js';

const id = (key: string) => String(seed.comments[key]);
const signal = new AbortController().signal;

describe('WordPress: reading', () => {
  before(() => settings({ WP_ANONYMOUS: 0, WP_PERMALINKS: 'pretty' }));
  beforeEach(() => localStorage.clear());

  it('renders the seeded thread with its nesting, UTC dates, avatars and the post author\'s badge', async () => {
    const el = await thread({ postId: seed.post });
    // Top level: the model page's comments in date order.
    const michelle = article(el, id('michelle'))!;
    expect(michelle.getAttribute('part')).to.contain('depth-1');
    expect(michelle.querySelector('[part~="author"]')!.textContent!.trim()).to.equal('Michelle');
    // date_gmt 2012-01-20T20:30:00 is UTC (15:30 in New York, the site's zone).
    expect(michelle.querySelector('[part~="date"]')!.getAttribute('datetime')).to.equal('2012-01-20T20:30:00.000Z');
    // An avatar becomes an image with its address when its comment nears the viewport, as this first one does.
    const avatar = () => michelle.querySelector<HTMLImageElement>('[part~="avatar"]')!;
    await until(() => avatar().getAttribute('src') !== null, 'the avatar in view got no src');
    expect(avatar().src).to.match(/gravatar\.com\/avatar\/[0-9a-f]+\?s=(48|96)&/);
    // Replies under their parents, and the 5-deep chain reaches depth 5.
    const reply = article(el, id('michelle-reply'))!;
    expect(reply.getAttribute('part')).to.contain('depth-2');
    expect(reply.closest('[part~="item"]')!.parentElement!.closest('[part~="item"]')!.querySelector('article')).to.equal(michelle);
    expect(reply.getAttribute('part')).to.contain('by-post-author');
    expect(reply.querySelector('[part~="badge"]')).to.exist;
    expect(michelle.querySelector('[part~="badge"]')).to.equal(null);
    for (const [key, depth] of [['chris', 1], ['chris-reply', 2], ['depth3', 3], ['depth4', 4], ['depth5', 5]] as const) {
      expect(article(el, id(key))!.getAttribute('part'), key).to.contain(`depth-${depth}`);
    }
    // HTML a guest may write (kses) comes through; the author's website links the name.
    const gerald = article(el, id('gerald'))!;
    expect(gerald.querySelector('[part~="body"] em')!.textContent).to.equal('Shattered Innocence');
    expect(gerald.querySelector<HTMLAnchorElement>('[part~="author-link"]')!.href).to.equal('http://gerald.example.org/');
    expect(gerald.querySelector('[part~="body"]')!.textContent).to.contain('Master’s thesis');
    // The permalink is WordPress's own.
    expect(michelle.querySelector<HTMLAnchorElement>('[part~="permalink"]')!.href).to.equal(
      `${env.site}/${seed.slug}/#comment-${id('michelle')}`,
    );
    expect(part(el, 'heading')!.textContent).to.contain(String(seed.approved));
  });

  it('never shows readers a comment held for moderation', async () => {
    const el = await thread({ postId: seed.post });
    await until(() => article(el, id('depth5')), 'thread rendered');
    expect(article(el, id('pending'))).to.equal(null);
    const { comments } = await wordpress({ endpoint: env.site }).list({ postId: String(seed.post), order: 'oldest', signal });
    expect(comments.map((c) => c.id)).to.not.include(id('pending'));
  });

  it('shows the first page at once and the rest of a 300-comment thread as the reader asks, 100 at a time', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.includes('/wp/v2/comments')) requests.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: false });
    const el = await thread({ postId: seed.post });
    const shown = () => parts(el, 'comment').length;
    await until(() => shown() === 100, 'first page rendered');
    expect(part(el, 'load-more')).to.exist;
    expect(seed.approved).to.be.greaterThan(300);
    for (const expected of [200, 300, seed.approved]) {
      const button = part<HTMLButtonElement>(el, 'load-more')!;
      await until(() => !button.disabled, 'load more enabled');
      button.click();
      await until(() => shown() === expected, `${expected} comments shown`);
    }
    await until(() => !part(el, 'load-more'), 'no more to load');
    observer.disconnect();
    const pages = requests.map((url) => new URL(url).searchParams.get('page'));
    expect(pages).to.deep.equal(['1', '2', '3', '4']);
    // Extra comment 90, first on page 2, answers number 85 on page 1: it sits under it.
    const reply = article(el, String(seed.extra.first + 89))!;
    expect(reply.getAttribute('part')).to.contain('depth-2');
    expect(reply.closest('[part~="replies"]')!.closest('[part~="item"]')!.querySelector('article')!.dataset['commentId']).to.equal(
      String(seed.extra.first + 84),
    );
  });

  it('lists newest first on request, still 100 at a time', async () => {
    const adapter = wordpress({ endpoint: env.site });
    const page = await adapter.list({ postId: String(seed.post), order: 'newest', signal });
    expect([page.comments.length, page.total, page.cursor]).to.deep.equal([100, seed.approved, '2']);
    expect(page.comments[0]!.id).to.equal(String(seed.extra.last));
    const dates = page.comments.map((c) => Date.parse(c.createdAt));
    expect(dates).to.deep.equal([...dates].sort((x, y) => y - x));
  });

  it('renders an administrator\'s raw <script> and onerror markup without running any of it', async () => {
    const el = await thread({ postId: seed.post });
    const admin = await until(() => article(el, id('xss-admin')), 'admin comment rendered').then(() => article(el, id('xss-admin'))!);
    const body = admin.querySelector('[part~="body"]')!;
    expect(body.textContent).to.contain('An administrator may post raw HTML');
    expect(body.querySelector('b')?.textContent).to.equal('bold');
    // Give an image error or a script every chance to run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((window as { ctPwned?: string }).ctPwned).to.equal(undefined);
    expect(body.querySelector('script')).to.equal(null);
    expect([...body.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((n) => n.startsWith('on'))).to.deep.equal([]);
    // The guest's attempt was already stripped by WordPress: its text shows as text.
    expect(article(el, id('xss-guest'))!.querySelector('[part~="body"]')!.textContent).to.contain('Nice post!');
  });

  it('takes the post by slug or URL as well as by number', async () => {
    const bySlug = await thread({ postId: seed.slug });
    await until(() => article(bySlug, id('michelle')), 'slug thread rendered');
    const byUrl = await thread({ postId: `${env.site}/${seed.slug}/` });
    await until(() => article(byUrl, id('michelle')), 'URL thread rendered');
    expect(article(byUrl, id('michelle-reply'))!.getAttribute('part')).to.contain('by-post-author');
  });

  it('shows the empty state on a post without comments, and no form on a post with comments closed', async () => {
    const empty = await thread({ postId: seed.emptyPost });
    expect(part(empty, 'empty')).to.exist;
    expect(part(empty, 'form')).to.exist;
    const closed = await thread({ postId: seed.closedPost });
    expect(part(closed, 'form')).to.equal(null);
    expect(part(closed, 'error')).to.equal(null);
  });

  it('reads the comments from another origin, through WordPress\'s CORS headers', async () => {
    const el = await thread({ postId: seed.post, endpoint: env.direct });
    await until(() => article(el, id('michelle')), 'cross-origin thread rendered');
    expect(part(el, 'heading')!.textContent).to.contain(String(seed.approved));
  });

  describe('with plain permalinks (no /wp-json/)', () => {
    before(() => settings({ WP_PERMALINKS: 'plain' }));
    after(() => settings({ WP_PERMALINKS: 'pretty' }));

    it('finds the REST API at ?rest_route= and renders the thread', async () => {
      const el = await thread({ postId: seed.post });
      await until(() => article(el, id('depth5')), 'thread rendered');
      const { comments } = await wordpress({ endpoint: env.site }).list({ postId: String(seed.post), order: 'oldest', signal });
      expect(comments[0]!.id).to.equal(id('michelle'));
      // WordPress's links follow its permalink setting.
      expect(comments[0]!.permalink).to.equal(`${env.site}/?p=${seed.post}#comment-${id('michelle')}`);
    });
  });
});
