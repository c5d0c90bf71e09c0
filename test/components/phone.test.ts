// Narrow threads: at 360 px (a phone, or a narrow column on a wide screen) a reply five levels down keeps
// most of the width for its text, the avatar stays on its author's line, long words and URLs wrap, and
// nothing reaches past the element, in both directions and with a reply form open at the deepest level.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { article, loaded, part, shadow, until } from '../helpers.js';

const avatar = new URL('/test/fixtures/images/avatar.svg', location.href).href;
const LONG_WORD = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
const LONG_URL =
  'https://example.org/a/very/long/path/that/never/breaks/by/itself/because/it/has/no/spaces/at/all?and=a&long=query&string=too';
const LONG_NAME = 'Maximilian Alexander Wolfeschlegelsteinhausenbergerdorff-Oberhausen';

/** A chain of replies, each one level deeper: the fifth is at depth 5. */
const chain: Comment[] = [1, 2, 3, 4, 5].map((n) =>
  comment(String(n), n === 1 ? null : String(n - 1), `2024-05-0${n}T10:00:00Z`, n === 5 ? LONG_NAME : `Reader ${n}`, {
    author: { name: n === 5 ? LONG_NAME : `Reader ${n}`, avatarUrl: avatar, url: 'https://example.org/' },
    body:
      n % 2
        ? { format: 'text', value: `${LONG_WORD} and a link: ${LONG_URL}` }
        : { format: 'html', value: `<p>See <a href="${LONG_URL}">${LONG_URL}</a>, ${LONG_WORD}.</p>` },
  }),
);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
after(() => setViewport({ width: 800, height: 600 }));

/** The thread in a 360 px wide element, with the viewport `viewport` px wide. */
async function narrow(lang: string, viewport: number): Promise<CommentThread> {
  await setViewport({ width: viewport, height: 800 });
  const el = await fixture<CommentThread>(
    html`<comment-thread
      lang=${lang}
      style="width: 360px"
      loading="eager"
      post-id="1"
      .adapter=${memory({ comments: chain })}
    ></comment-thread>`,
  );
  await loaded(el);
  await until(() => [...shadow(el).querySelectorAll('img')].every((img) => img.complete), 'avatars never loaded');
  expect(el.getBoundingClientRect().width).to.equal(360);
  return el;
}

/** What reaches past the element's inline edges, by part (or tag), with by how much: [] when nothing does. */
function overflowing(el: CommentThread): string[] {
  const host = el.getBoundingClientRect();
  const out: string[] = [];
  for (const node of shadow(el).querySelectorAll('*')) {
    // What no reader sees: the honeypot field and the live region (visually hidden, by design off-box).
    if (node.closest('[aria-hidden="true"], [role="status"]')) continue;
    const rect = node.getBoundingClientRect();
    // Nothing shows in a pixel: the visually hidden skip link sits 1px off-box until focused.
    if (rect.width <= 1 && rect.height <= 1) continue;
    const past = Math.max(host.left - rect.left, rect.right - host.right);
    if (past > 0.5) out.push(`${node.getAttribute('part') ?? node.localName}: ${past.toFixed(1)}px`);
  }
  return out;
}

const cases = [
  ['en', 360],
  ['ar', 360],
  ['en', 1280],
  ['he', 1280],
] as const;

describe('<comment-thread> at 360 px', () => {
  for (const [lang, viewport] of cases) {
    const where = `in ${lang}, viewport ${viewport} px`;

    it(`keeps at least 60% of the width for a depth-5 reply's text (${where})`, async () => {
      const el = await narrow(lang, viewport);
      const deepest = article(el, '5')!;
      expect(deepest.getAttribute('part')).to.contain('depth-5');
      const text = deepest.querySelector('[part~="body"]')!.getBoundingClientRect().width;
      expect(text / 360).to.be.at.least(0.6);
    });

    it(`keeps the avatar on its author's line, however long the name (${where})`, async () => {
      const el = await narrow(lang, viewport);
      for (const id of ['1', '5']) {
        const header = article(el, id)!.querySelector('[part~="header"]')!;
        const picture = header.querySelector('[part~="avatar"]')!.getBoundingClientRect();
        const name = header.querySelector('[part~="author"]')!.getBoundingClientRect();
        expect(picture.width, `avatar of ${id}`).to.be.greaterThan(0);
        // Side by side: the name's first line starts beside the avatar, not under it.
        expect(name.top, `name of ${id}`).to.be.lessThan(picture.bottom);
        expect(
          name.left >= picture.right - 0.5 || name.right <= picture.left + 0.5,
          `name of ${id} beside its avatar`,
        ).to.equal(true);
      }
    });

    it(`wraps long words and URLs, and nothing reaches past the element, a reply form open at depth 5 (${where})`, async () => {
      const el = await narrow(lang, viewport);
      for (const body of shadow(el).querySelectorAll<HTMLElement>('[part~="body"]')) {
        expect(body.scrollWidth, body.textContent!).to.be.at.most(body.clientWidth);
      }
      expect(overflowing(el)).to.deep.equal([]);
      article(el, '5')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
      await until(() => part(el, 'reply-form'), 'the reply form never opened');
      expect(overflowing(el)).to.deep.equal([]);
      const field = part(el, 'reply-form')!.querySelector('textarea')!.getBoundingClientRect();
      expect(field.width / 360).to.be.at.least(0.5);
    });
  }
});
