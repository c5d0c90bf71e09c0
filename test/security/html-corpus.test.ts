/**
 * Real comment HTML (test/fixtures/comments-html, sources in its README) through both sanitizer paths:
 * the same elements and the same text on each, every word of the source kept (only the content of
 * removed elements goes), and what each backend's format needs still there.
 */
import { expect } from '@open-wc/testing';
import { ALLOWED_ELEMENTS, REMOVED_ELEMENTS, sanitize, sanitizerOptions } from '../../src/sanitize.js';

const nativeSanitizer = typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

/** What each sample must still hold after sanitizing: selector → count. */
const samples: Record<string, Record<string, number>> = {
  'wordpress-comment': { 'a[href^="https:"]': 1, 'img[alt="🙂"]': 1, blockquote: 1, code: 1, q: 1, cite: 1, del: 1, ins: 1, abbr: 1, li: 2 },
  'github-markdown': {
    h3: 1, h4: 2, 'a[href="https://github.com/octocat"]': 1, 'table th': 2, 'table td': 2, '[align="center"]': 2, 'details > summary': 1,
    pre: 2, 'li code': 1, 'img[width="640"][height="480"]': 1, sup: 1, 'ol > li > p': 1, 'a[href]': 3,
  },
  'waline-markdown': { h3: 1, 'ol[start="3"] > li': 2, 'ol ul > li': 1, 'pre > code': 1, 'th[align="right"]': 1, hr: 1, 'blockquote > p': 1, 'img.wl-emoji, img[alt="weibo_smile"]': 1 },
  'artalk-markdown': { h3: 1, h4: 1, 'img[alt="smile"]': 1, 'pre > code': 1, li: 2, br: 1, 'a[href="https://artalk.js.org/"]': 1 },
  'mastodon-status': { 'details > summary': 1, 'details > p': 3, 'a[href="https://social.example/@michelle"]': 1, 'a[href="https://mastodon.social/tags/fediverse"]': 1, 'a[href]': 5, br: 1 },
  'legacy-html': { div: 10, h3: 1, 'img[alt="a cat"]': 1, ruby: 1, rt: 1, bdi: 1, time: 1, 'dl > dt': 1 },
};

const REMOVED = REMOVED_ELEMENTS.join(',');
const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The words a reader should see: the source's text, less what removed elements held. */
function expectedText(source: string): string {
  const doc = new DOMParser().parseFromString(source, 'text/html');
  for (const el of doc.body.querySelectorAll(REMOVED)) el.remove();
  return normal(doc.body.textContent!);
}

/** Tag names and attributes, depth first: the structure both paths must agree on. */
function structure(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((el) => `${el.localName}[${el.getAttributeNames().sort().join(' ')}]`);
}

async function through(path: 'native' | 'fallback', source: string): Promise<HTMLDivElement> {
  sanitizerOptions.forceFallback = path === 'fallback';
  const box = document.createElement('div');
  box.innerHTML = await sanitize(source);
  return box;
}

afterEach(() => {
  sanitizerOptions.forceFallback = false;
});

describe('the corpus of real comment HTML', () => {
  for (const [name, expected] of Object.entries(samples)) {
    it(`${name}: every word kept, the same structure on both paths, the format's elements there`, async () => {
      const response = await fetch(new URL(`../fixtures/comments-html/${name}.html`, import.meta.url));
      expect(response.ok, name).to.equal(true);
      const source = await response.text();
      const paths = nativeSanitizer ? (['native', 'fallback'] as const) : (['fallback'] as const);
      const results = [];
      for (const path of paths) {
        const body = await through(path, source);
        results.push(body);
        expect(normal(body.textContent!), `${path}: the text`).to.equal(expectedText(source));
        for (const el of body.querySelectorAll('*')) expect(ALLOWED.has(el.localName), `${path}: <${el.localName}>`).to.equal(true);
        for (const [selector, count] of Object.entries(expected)) {
          expect(body.querySelectorAll(selector).length, `${path}: ${selector}`).to.equal(count);
        }
      }
      if (results.length === 2) {
        expect(structure(results[1]!), 'fallback against native').to.deep.equal(structure(results[0]!));
        expect(results[1]!.innerHTML, 'fallback against native').to.equal(results[0]!.innerHTML);
      }
    });
  }

  it('covers WordPress, GitHub, Waline, Artalk and Mastodon', () => {
    expect(Object.keys(samples).length).to.be.at.least(6);
  });
});
