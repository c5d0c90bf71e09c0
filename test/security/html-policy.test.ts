/**
 * The body policy, through both sanitizer paths (the browser's setHTML and the DOMPurify fallback):
 * elements outside the allow-list are unwrapped with their words kept, dangerous ones removed with their
 * content, headings demoted, nesting capped, image boxes bounded, URLs absolute. Each reproduction of
 * the outside review has a case here that failed before the policy.
 */
import { expect } from '@open-wc/testing';
import { isSafeImage, isSafeLink, MAX_DEPTH, sanitize, sanitizerOptions } from '../../src/sanitize.js';

const nativeSanitizer = typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

/** The sanitized body as an element to query. */
async function body(html: string): Promise<HTMLDivElement> {
  const box = document.createElement('div');
  box.innerHTML = await sanitize(html);
  return box;
}
const words = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
/** The deepest element nesting under `root`. */
function depthOf(root: Element): number {
  let deepest = 0;
  const walk = (el: Element, depth: number) => {
    deepest = Math.max(deepest, depth);
    for (const child of el.children) walk(child, depth + 1);
  };
  for (const child of root.children) walk(child, 1);
  return deepest;
}

afterEach(() => {
  sanitizerOptions.forceFallback = false;
});

for (const path of ['native setHTML', 'DOMPurify fallback'] as const) {
  describe(`the body policy (${path})`, () => {
    beforeEach(function () {
      if (path === 'native setHTML' && !nativeSanitizer) this.skip();
      sanitizerOptions.forceFallback = path === 'DOMPurify fallback';
    });

    it('keeps a paragraph inside a div (the review found an empty body)', async () => {
      const el = await body('<div><p>para in div</p></div>');
      expect(words(el)).to.equal('para in div');
      expect(el.querySelector('div > p')).to.exist;
    });

    it('keeps the words of every element outside the allow-list', async () => {
      const tags = ['section', 'article', 'figure', 'figcaption', 'h1', 'h2', 'details', 'summary', 'cite', 'time',
        'label', 'bdi', 'ruby', 'font', 'center', 'marquee', 'nobr', 'x-unknown', 'acronym', 'slot', 'form', 'dialog'];
      for (const tag of tags) {
        const el = await body(`<p>before <${tag}>words of ${tag}</${tag}> after</p>`);
        expect(words(el), tag).to.equal(`before words of ${tag} after`);
      }
      const el = await body('<x-card><x-title>Title</x-title><x-text>text <b>bold</b></x-text></x-card>');
      expect(el.innerHTML).to.equal('Titletext <b>bold</b>');
    });

    it('turns block containers into divs, so the words of two blocks do not run together', async () => {
      const el = await body('<section>one</section><article>two</article><header>three</header><footer>four</footer>');
      expect([...el.children].map((c) => `${c.localName}:${c.textContent}`)).to.deep.equal(['div:one', 'div:two', 'div:three', 'div:four']);
    });

    it('keeps details and summary: Mastodon shows content warnings with them', async () => {
      const el = await body('<details><summary>CW: spoilers</summary><p>the butler did it</p></details>');
      expect(el.querySelector('details > summary')!.textContent).to.equal('CW: spoilers');
      expect(el.querySelector('details > p')!.textContent).to.equal('the butler did it');
    });

    it('ranks a body\'s headings below the thread\'s h2, in order and without gaps', async () => {
      const el = await body('<h1 id="x" lang="en">One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>');
      expect([...el.children].map((c) => c.localName)).to.deep.equal(['h3', 'h4', 'h5', 'h6', 'h6', 'h6']);
      expect(el.firstElementChild!.getAttributeNames()).to.deep.equal(['lang']);
      expect(words(el)).to.equal('One Two Three Four Five Six'.replace(/ /g, ''));
      const gaps = await body('<h2>Steps</h2><p>x</p><h4>Detail</h4><h2>More</h2>');
      expect([...gaps.querySelectorAll('h3, h4, h5, h6')].map((h) => h.localName)).to.deep.equal(['h3', 'h4', 'h3']);
      expect((await body('<h6>small</h6>')).innerHTML).to.equal('<h3>small</h3>');
      const nested = await body('<div class="markdown-heading"><h1>Title</h1></div>');
      expect(nested.innerHTML).to.equal('<div><h3>Title</h3></div>');
    });

    it('removes dangerous elements with their content', async () => {
      const dangerous = ['script', 'style', 'iframe', 'object', 'template', 'textarea', 'select', 'button',
        'noscript', 'video', 'audio', 'canvas', 'xmp', 'title', 'noembed', 'noframes'];
      for (const tag of dangerous) {
        const el = await body(`<p>kept <${tag}>secret ${tag}</${tag}> kept</p>`);
        expect(words(el), tag).to.equal('kept kept');
        expect(el.querySelector(tag), tag).to.equal(null);
      }
      const el = await body('<p>a<input value="v"><embed src="https://example.org/x.swf">b<svg><text>svg words</text></svg>c<math><mi>x</mi></math>d<select><option>o</option></select>e</p>');
      expect(el.innerHTML).to.equal('<p>abcde</p>');
    });

    it('flattens nesting deeper than the limit: 20,000 nested quotes keep their words in a bounded tree', async () => {
      const el = await body(`${'<blockquote>'.repeat(20000)}deep words${'</blockquote>'.repeat(20000)}`);
      expect(depthOf(el)).to.equal(MAX_DEPTH);
      expect(el.querySelectorAll('*').length).to.equal(MAX_DEPTH);
      expect(words(el)).to.equal('deep words');
      const list = await body(`${'<ul><li>'.repeat(40)}x<img src="https://example.org/a.png" alt="a">${'</li></ul>'.repeat(40)}`);
      expect(depthOf(list)).to.be.at.most(MAX_DEPTH + 1);
      expect(list.querySelector('img'), 'an image deep down is kept').to.exist;
    });

    it('reserves no box from an image\'s absurd width or height', async () => {
      const el = await body('<img src="https://images.example/never.png" width="10" height="1000000" alt="tall">');
      const img = el.querySelector('img')!;
      expect(img.hasAttribute('height')).to.equal(false);
      expect(img.hasAttribute('width')).to.equal(false);
      const fine = (await body('<img src="https://images.example/a.png" width="640" height="480" alt="">')).querySelector('img')!;
      expect([fine.getAttribute('width'), fine.getAttribute('height')]).to.deep.equal(['640', '480']);
      const spaced = (await body('<img src="https://images.example/a.png" width=" 64 " height="48\n">')).querySelector('img')!;
      expect([spaced.getAttribute('width'), spaced.getAttribute('height')], 'trimmed alike on both paths').to.deep.equal(['64', '48']);
      for (const bad of ['0', '-5', '10px', '1e3', '2001', '5.5']) {
        const img2 = (await body(`<img src="https://images.example/a.png" width="${bad}" height="100">`)).querySelector('img')!;
        expect(img2.hasAttribute('width') || img2.hasAttribute('height'), bad).to.equal(false);
      }
    });

    it('keeps sizes only on images, and spans within reason', async () => {
      const el = await body('<table width="100000"><tr><td height="1000000" width="9000" colspan="2" rowspan="1000" align="center" style="x" class="y" id="z" onclick="alert(1)">cell</td></tr></table>');
      const td = el.querySelector('td')!;
      expect(td.getAttributeNames().sort()).to.deep.equal(['align', 'colspan']);
      expect(el.querySelector('table')!.getAttributeNames()).to.deep.equal([]);
    });

    it('links to absolute http(s) and mailto only, with rel, and keeps the words of the others', async () => {
      const el = await body(
        '<a href="https://example.org/x">abs</a><a href="mailto:a@example.org">mail</a><a href="/relative">rel</a>' +
          '<a href="#frag">frag</a><a href="//example.org/p">proto</a><a href="https:example.org">bare</a><a href="javascript:alert(1)">js</a>',
      );
      const links = [...el.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/x', 'mailto:a@example.org', null, null, null, null, null]);
      expect(links.every((a) => a.rel === 'nofollow ugc noopener')).to.equal(true);
      expect(words(el)).to.equal('absmailrelfragprotobarejs');
    });

    it('loads images from absolute http(s) only; a refused image leaves its alt text', async () => {
      const el = await body('<p><img src="https://example.org/a.png" alt="kept"><img src="/relative.png" alt="rel"><img src="data:image/png;base64,AA" alt="data"><img alt="none"></p>');
      const images = [...el.querySelectorAll('img')];
      expect(images.map((i) => i.getAttribute('src'))).to.deep.equal(['https://example.org/a.png']);
      expect(images[0]!.getAttribute('loading')).to.equal('lazy');
      expect(images[0]!.getAttribute('referrerpolicy')).to.equal('no-referrer');
      expect(words(el)).to.equal('reldatanone');
    });
  });
}

describe('URL rules for avatars and permalinks', () => {
  it('refuses relative avatars: the reader\'s browser would ask the host site for them', () => {
    for (const url of ['/relative/path', 'relative.png', '#x', '', '//example.org/a.png', 'https:example.org/a.png', 'data:image/png;base64,AA', 'javascript:alert(1)', 'mailto:a@example.org']) {
      expect(isSafeImage(url), url).to.equal(false);
    }
    for (const url of ['https://example.org/a.png', 'http://example.org/a.png', 'HTTPS://EXAMPLE.ORG/A.PNG', ' https://example.org/a.png']) {
      expect(isSafeImage(url), url).to.equal(true);
    }
  });

  it('refuses relative permalinks: "#x" would re-fetch nothing useful, "/x" leads into the host site', () => {
    for (const url of ['#x', '/posts/1#comment-1', '?p=1', '', '//example.org/p', 'https:/example.org', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      expect(isSafeLink(url), url).to.equal(false);
    }
    for (const url of ['https://blog.example/p#comment-1', 'http://blog.example/', 'mailto:a@example.org', 'https:\\\\example.org/p']) {
      expect(isSafeLink(url), url).to.equal(true);
    }
  });
});
