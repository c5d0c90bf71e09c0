// Right to left: where the direction comes from (the element's own dir, the nearest dir or lang, the
// reader's language), that the layout mirrors (reply indents and lines, avatar, form, skip link), that each
// body and author name reads by its own script, and axe in Arabic and Hebrew.
import { expect, fixture, html } from '@open-wc/testing';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { loadMessages } from '../../src/i18n/index.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment, seedThread } from '../fixtures.js';
import { article, loaded, part, shadow, until } from '../helpers.js';

const avatar = new URL('/test/fixtures/images/avatar.svg', location.href).href;

/** The model thread, with avatars (the header's order is part of what mirrors). */
const thread: Comment[] = seedThread.map((c) => ({ ...c, author: { ...c.author, avatarUrl: avatar } }));

const adapter = (comments = thread) => memory({ comments });

/** Renders `template`, returns the comment-thread in it once loaded, in its language's words. */
async function show(template: ReturnType<typeof html>): Promise<CommentThread> {
  const root = await fixture<HTMLElement>(template);
  const el =
    root.localName === 'comment-thread'
      ? (root as CommentThread)
      : root.querySelector<CommentThread>('comment-thread')!;
  await loaded(el);
  const catalog = await loadMessages(el.closest('[lang]')?.getAttribute('lang') ?? 'en');
  const title = () => shadow(el).querySelector('#form-top [part~="form-title"]')?.textContent?.trim();
  await until(
    () => title() === catalog.leaveReply,
    `the catalog never arrived: "${catalog.leaveReply}" is not "${title()}"`,
  );
  // Avatars are laid out only once loaded (a broken one is hidden).
  await until(() => [...shadow(el).querySelectorAll('img')].every((img) => img.complete), 'avatars never loaded');
  return el;
}

const base = (el: CommentThread) => part(el, 'base')!;
const direction = (node: Element) => getComputedStyle(node).direction;
const box = (node: Element) => node.getBoundingClientRect();

/** How far `rect` sits from the element's inline-start edge: its left in ltr, its right in rtl. */
function fromStart(el: CommentThread, rect: DOMRect): number {
  const host = box(el);
  return direction(base(el)) === 'rtl' ? host.right - rect.right : rect.left - host.left;
}

// Open forms and drafts are kept across reloads: each test starts with none.
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<comment-thread> direction', () => {
  it('takes right to left from an Arabic or Hebrew lang when the page sets no dir', async () => {
    for (const lang of ['ar', 'he', 'fa-IR', 'ur']) {
      const el = await show(
        html`<comment-thread lang=${lang} loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>`,
      );
      expect(base(el).getAttribute('dir'), lang).to.equal('rtl');
      expect(direction(article(el, '2')!), lang).to.equal('rtl');
    }
    const el = await show(
      html`<comment-thread lang="en" loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>`,
    );
    expect(base(el).getAttribute('dir')).to.equal('ltr');
  });

  it('takes its own dir first, and follows a change of it', async () => {
    const el = await show(
      html`<comment-thread lang="ar" dir="ltr" loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>`,
    );
    expect(base(el).hasAttribute('dir')).to.equal(false);
    expect(direction(article(el, '1')!)).to.equal('ltr');
    el.removeAttribute('dir');
    await el.updateComplete;
    expect(direction(article(el, '1')!)).to.equal('rtl');
    el.setAttribute('dir', 'ltr');
    await el.updateComplete;
    expect(direction(article(el, '1')!)).to.equal('ltr');
  });

  it('inherits the nearest ancestor’s dir, and the nearest ancestor’s lang when no dir is nearer', async () => {
    let el = await show(
      html`<div dir="rtl"><comment-thread loading="eager" post-id="1" .adapter=${adapter()}></comment-thread></div>`,
    );
    expect(base(el).hasAttribute('dir')).to.equal(false);
    expect(direction(article(el, '1')!)).to.equal('rtl');
    el = await show(
      html`<div lang="he"><comment-thread loading="eager" post-id="1" .adapter=${adapter()}></comment-thread></div>`,
    );
    expect(direction(article(el, '1')!)).to.equal('rtl');
    // An Arabic thread on a page marked ltr: the language is nearer than the page's dir.
    el = await show(
      html`<div dir="ltr" lang="en">
        <comment-thread lang="ar" loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>
      </div>`,
    );
    expect(direction(article(el, '1')!)).to.equal('rtl');
  });

  it('reads each body and author name by its own script', async () => {
    const comments = [
      comment('h', null, '2024-05-01T10:00:00Z', 'דנה כהן', {
        body: { format: 'text', value: 'שלום! זו תגובה בעברית, with an English word.' },
      }),
      comment('e', null, '2024-05-02T10:00:00Z', 'Sarah Anderson', {
        body: { format: 'text', value: 'Hello! An English comment, עם מילה בעברית.' },
      }),
    ];
    for (const lang of ['en', 'ar']) {
      const el = await show(
        html`<comment-thread lang=${lang} loading="eager" post-id="1" .adapter=${adapter(comments)}></comment-thread>`,
      );
      const [hebrew, english] = [article(el, 'h')!, article(el, 'e')!];
      expect(direction(hebrew.querySelector('[part~="body"]')!), lang).to.equal('rtl');
      expect(direction(hebrew.querySelector('[part~="author"]')!), lang).to.equal('rtl');
      expect(direction(english.querySelector('[part~="body"]')!), lang).to.equal('ltr');
      expect(direction(english.querySelector('[part~="author"]')!), lang).to.equal('ltr');
    }
  });
});

describe('<comment-thread> mirrored layout', () => {
  for (const lang of ['en', 'ar', 'he']) {
    it(`lays out from the inline-start edge in ${lang}: replies, their line, the avatar, the form, the skip link`, async () => {
      const el = await show(
        html`<comment-thread lang=${lang} loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>`,
      );
      const rtl = lang !== 'en';
      expect(direction(base(el))).to.equal(rtl ? 'rtl' : 'ltr');
      const host = box(el);
      const [parent, reply] = [box(article(el, '1')!), box(article(el, '2')!)];
      // The reply is indented from the inline-start edge (the right in rtl) and ends where its parent does.
      expect(fromStart(el, reply)).to.be.greaterThan(fromStart(el, parent) + 8);
      expect(fromStart(el, parent)).to.be.closeTo(0, 1);
      expect(rtl ? reply.left - host.left : host.right - reply.right).to.be.closeTo(
        rtl ? parent.left - host.left : host.right - parent.right,
        1,
      );
      // The reply line is on the inline-start side.
      const line = getComputedStyle(article(el, '2')!.closest('[part~="replies"]')!);
      expect(
        rtl ? [line.borderRightWidth, line.borderLeftWidth] : [line.borderLeftWidth, line.borderRightWidth],
      ).to.deep.equal(['1px', '0px']);
      // The avatar leads its header, the name follows it towards the inline end.
      const header = article(el, '1')!.querySelector('[part~="header"]')!;
      const [picture, name] = [
        box(header.querySelector('[part~="avatar"]')!),
        box(header.querySelector('[part~="author"]')!),
      ];
      expect(fromStart(el, picture)).to.be.closeTo(0, 1);
      expect(fromStart(el, name)).to.be.greaterThan(fromStart(el, picture) + picture.width - 1);
      // The comment field starts at the form's inline-start edge and stops short of its end (40rem at most).
      const form = box(shadow(el).querySelector('#form-top')!);
      const field = box(shadow(el).querySelector('#top-content')!);
      expect(fromStart(el, field)).to.be.closeTo(fromStart(el, form), 1);
      expect(field.width).to.be.lessThan(form.width);
      // The skip link, shown on focus, sits at the inline-start edge.
      const skip = part(el, 'skip-link')!;
      skip.focus();
      expect(fromStart(el, box(skip))).to.be.closeTo(0, 1);
    });
  }

  for (const lang of ['ar', 'he']) {
    it(`passes axe in ${lang}, with a reply form open`, async () => {
      const el = await show(
        html`<comment-thread lang=${lang} loading="eager" post-id="1" .adapter=${adapter()}></comment-thread>`,
      );
      await expect(el).to.be.accessible();
      article(el, '3')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
      await until(() => shadow(el).querySelector('[part~="reply-form"]'), 'the reply form never opened');
      await expect(el).to.be.accessible();
    });
  }
});
