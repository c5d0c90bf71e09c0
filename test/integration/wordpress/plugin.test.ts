// The WordPress plugin (wordpress-plugin/comment-thread/), activated through WordPress's plugin API by the
// test command, on Debian's classic theme (twentytwentyone) and block theme (twentytwentythree), picked
// per request (?ct_theme=, the test site's must-use plugin). What a reader without JavaScript and a
// crawler get, what the plugin adds to the theme's page, and the enhanced thread in Chromium.
import { expect, oneEvent } from '@open-wc/testing';
import type { CommentThread } from '../../../src/components/comment-thread/comment-thread.js';
import { until } from '../../helpers.js';
import { seed, settings } from './wp.js';

const THEMES = ['twentytwentyone', 'twentytwentythree'] as const;
const pageUrl = (theme: string, extra = '') => `/?p=${seed.post}&ct_theme=${theme}${extra}`;
const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

interface Listed {
  id: number;
  text: string;
}

/** Every comment an anonymous reader may see, from the REST API, with its text as the page shows it. */
async function approved(): Promise<Listed[]> {
  const out: Listed[] = [];
  for (let page = 1, pages = 1; page <= pages; page++) {
    const response = await fetch(`/?rest_route=/wp/v2/comments&post=${seed.post}&per_page=100&page=${page}&_fields=id,content`);
    pages = Number(response.headers.get('X-WP-TotalPages'));
    for (const c of (await response.json()) as { id: number; content: { rendered: string } }[]) {
      const text = words(new DOMParser().parseFromString(c.content.rendered, 'text/html').body.textContent);
      out.push({ id: c.id, text });
    }
  }
  return out;
}

/** The page as served: parsed, never run (DOMParser runs no script), as a crawler or a reader without JavaScript gets it. */
async function served(url: string) {
  const response = await fetch(url);
  expect(response.status).to.equal(200);
  const html = await response.text();
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') };
}

/** What the plugin adds: the wrapper around the theme's comment section, its script tag and the JSON-LD. */
const withoutPlugin = (html: string) =>
  html
    .replace(/<comment-thread [^>]*><div data-comment-thread-page [^>]*>/, '')
    .replace('</div></comment-thread>', '')
    .replace(/<script type="module" src='[^']*\/comment-thread\/dist\/comment-thread\.js[^']*' id='comment-thread-js'><\/script>\n?/, '')
    .replace(/<script type="application\/ld\+json">[^<]*<\/script>\n?/, '');

/** Where two pages part, with some context either side; empty when they are the same. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return '';
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 100), i + 100));
  return `at ${i}: ${around(a)} versus ${around(b)}`;
}

describe('WordPress plugin', () => {
  let comments: Listed[];
  before(async () => {
    // ?p=42 is the post's own address with plain permalinks, and this test server passes it to WordPress.
    await settings({ WP_PERMALINKS: 'plain' });
    comments = await approved();
    expect(comments.length).to.equal(seed.approved);
  });
  after(() => settings({ WP_PERMALINKS: 'pretty' }));

  for (const theme of THEMES) {
    describe(theme, () => {
      it('serves every approved comment inside <comment-thread>, and their JSON-LD, to readers without JavaScript', async () => {
        const { doc } = await served(pageUrl(theme));
        const elements = doc.querySelectorAll('comment-thread');
        expect(elements.length).to.equal(1);
        const el = elements[0]!;
        expect(el.getAttribute('backend')).to.equal('wordpress');
        expect(el.getAttribute('post-id')).to.equal(String(seed.post));
        expect(el.getAttribute('depth')).to.equal('5');
        expect(el.getAttribute('order')).to.equal('oldest');
        expect(el.hasAttribute('wp-nonce')).to.equal(false);
        expect(el.querySelector('[data-comment-thread-page]')!.getAttribute('data-total')).to.equal(String(seed.approved));
        // The theme's own form, which posts without JavaScript.
        expect(el.querySelector('form[action$="/wp-comments-post.php"]')).to.exist;
        const text = words(el.textContent);
        const missing = comments.filter((c) => !text.includes(c.text)).map((c) => c.id);
        expect(missing).to.deep.equal([]);

        const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
        expect(scripts.length).to.equal(1);
        const raw = scripts[0]!.textContent!;
        expect(raw).not.to.contain('<');
        const ld = JSON.parse(raw) as { '@type': string; commentCount: number; comment: Record<string, unknown>[] };
        expect(ld['@type']).to.equal('BlogPosting');
        expect(ld.commentCount).to.equal(seed.approved);
        const described = ld.comment.map((c) => Number(/#comment-(\d+)$/.exec(String(c['@id']))?.[1]));
        expect([...described].sort((a, b) => a - b)).to.deep.equal(comments.map((c) => c.id).sort((a, b) => a - b));
        for (const c of ld.comment) {
          expect(c['@type']).to.equal('Comment');
          expect((c['author'] as { name: string }).name).to.be.a('string').and.not.equal('');
          expect(Date.parse(String(c['dateCreated']))).not.to.be.NaN;
          expect(c['text']).to.be.a('string');
          expect(c['url']).to.equal(c['@id']);
        }
        expect(ld.comment.some((c) => c['parentItem'])).to.equal(true);
      });

      it('adds only its wrapper, script and JSON-LD: deactivated, the theme’s page is as before', async () => {
        const on = await served(pageUrl(theme));
        const off = await served(pageUrl(theme, '&ct_plugin=off'));
        expect(off.html).not.to.contain('<comment-thread');
        expect(off.html).not.to.contain('application/ld+json');
        // Two things differ from one request to the next whatever the plugin does: the address the theme
        // writes into the page (the cancel-reply link), and the order MySQL gives the site-wide "Latest
        // Comments" widget for comments posted in the same second (other tests post such comments).
        const latest = /<ol [^>]*\bwp-block-latest-comments\b[^>]*>[\s\S]*?<\/ol>/g;
        const before = off.html.replace(/(&amp;|&#038;|&)ct_plugin=off/g, '').replace(latest, '');
        expect(firstDifference(withoutPlugin(on.html).replace(latest, ''), before)).to.equal('');
      });

      it('enhances the thread in Chromium: each comment once, and no request for the first page', async () => {
        const frame = document.createElement('iframe');
        frame.style.cssText = 'width: 900px; height: 1200px';
        frame.src = pageUrl(theme);
        const loaded = oneEvent(frame, 'load');
        document.body.append(frame);
        await loaded;
        try {
          const win = frame.contentWindow! as Window & typeof globalThis;
          const el = () => frame.contentDocument!.querySelector<CommentThread>('comment-thread');
          const shown = () => [...(el()?.shadowRoot?.querySelectorAll<HTMLElement>('[part~="comment"]') ?? [])].map((a) => Number(a.dataset.commentId));
          await until(() => shown().length >= comments.length, `all ${comments.length} comments shown (${shown().length} so far)`);
          const ids = shown();
          expect(new Set(ids).size).to.equal(ids.length);
          expect([...ids].sort((a, b) => a - b)).to.deep.equal(comments.map((c) => c.id).sort((a, b) => a - b));
          // The page's own comments were the first page: nothing asked the REST API for comments.
          const requests = win.performance.getEntriesByType('resource').map((e) => e.name);
          expect(requests.filter((url) => /wp\/v2\/comments|rest_route=%2Fwp%2Fv2%2Fcomments/.test(url))).to.deep.equal([]);
          expect(requests.some((url) => url.includes('/comment-thread/dist/comment-thread.js'))).to.equal(true);
          // The enhanced thread offers its own form once the adapter is there.
          await until(() => el()!.shadowRoot!.querySelector('#form-top'), 'the top-level form');
        } finally {
          frame.remove();
        }
      });
    });
  }
});
