// Links to one comment (`#comment-ID`) and the "Copy link" action. The element follows the page's
// fragment itself, since ids in its shadow root are invisible to the browser's own fragment navigation.
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment, Page } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { article, part, parts, scripted, shadow, until } from '../helpers.js';

const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString();

/** `pages` pages of `size` top-level comments each (ids c1, c2, …), served a page per request. */
function paged(pages: number, size: number, extra: (i: number) => Partial<Comment> = () => ({})) {
  const all = Array.from({ length: pages * size }, (_, i) => comment(`c${i + 1}`, null, at(i), `Author ${i + 1}`, extra(i + 1)));
  const adapter = scripted({
    list: async ({ cursor }): Promise<Page> => {
      const page = Number(cursor ?? 1);
      const comments = all.slice((page - 1) * size, page * size);
      return { comments, total: all.length, cursor: page < pages ? String(page + 1) : null };
    },
  });
  return adapter;
}

const linkTo = (hash: string) => history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
const announced = (el: CommentThread) => part(el, 'status')!.textContent!.trim();
const focused = (el: CommentThread) => shadow(el).activeElement as HTMLElement | null;
/** The comment's article is on the page and has focus. */
const linked = (el: CommentThread, id: string) => article(el, id) !== null && focused(el) === article(el, id);

function inView(element: Element) {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.top < innerHeight;
}

/** A lazy element far below the fold: without a link to a comment it would not load. */
async function belowTheFold(adapter: ReturnType<typeof scripted>) {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <div style="height: 5000px"></div>
    <comment-thread .adapter=${adapter}></comment-thread>
  </div>`);
  return wrapper.querySelector('comment-thread')!;
}

describe('links to one comment', () => {
  afterEach(() => {
    linkTo('');
    scrollTo(0, 0);
  });

  it('loads pages until the linked comment arrives, then scrolls to it, focuses, marks and announces it', async () => {
    const adapter = paged(3, 20);
    linkTo('#comment-c45');
    const el = await belowTheFold(adapter);
    await until(() => linked(el, 'c45'), 'the linked comment was not focused');
    const target = article(el, 'c45')!;
    expect(adapter.lists).to.equal(3);
    expect(target.id).to.equal('comment-c45');
    expect(target.hasAttribute('data-linked')).to.equal(true);
    expect(getComputedStyle(target).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(inView(target)).to.equal(true);
    await until(() => announced(el) === 'Showing the linked comment by Author 45.', 'the linked comment was not announced');
    expect(parts(el, 'missing-comment')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a comment past the render limit without waiting for "Load more comments"', async () => {
    const adapter = paged(1, 3000);
    linkTo('#comment-c2900');
    const el = await fixture<CommentThread>(html`<comment-thread .adapter=${adapter} loading="eager"></comment-thread>`);
    await until(() => linked(el, 'c2900'), 'the linked comment was not focused');
    expect(article(el, 'c2900')!.hasAttribute('data-linked')).to.equal(true);
    // The rest still pauses at the limit: the reader asks for it.
    await until(() => part(el, 'load-more') !== null, 'the render limit no longer applies');
  });

  it('says a linked comment that is not in the thread is gone, after every page', async () => {
    const adapter = paged(2, 10);
    linkTo('#comment-nowhere');
    const el = await belowTheFold(adapter);
    await until(() => part(el, 'missing-comment') !== null, 'no notice for the missing comment');
    expect(part(el, 'missing-comment')!.textContent!.trim()).to.equal('This comment is no longer available.');
    await until(() => announced(el) === 'This comment is no longer available.', 'the missing comment was not announced');
    expect(adapter.lists).to.equal(2);
    expect(shadow(el).querySelector('[data-linked]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows hashchange: the newly linked comment is shown and the old one unmarked', async () => {
    const adapter = paged(2, 10);
    const el = await fixture<CommentThread>(html`<comment-thread .adapter=${adapter} loading="eager"></comment-thread>`);
    await until(() => article(el, 'c1') !== null, 'the thread did not load');
    expect(adapter.lists).to.equal(1);
    expect(focused(el)).to.equal(null);

    location.hash = '#comment-c15';
    await until(() => linked(el, 'c15'), 'the newly linked comment was not focused');
    expect(article(el, 'c15')!.hasAttribute('data-linked')).to.equal(true);

    location.hash = '#comment-c3';
    await until(() => linked(el, 'c3'), 'the next linked comment was not focused');
    expect(article(el, 'c15')!.hasAttribute('data-linked')).to.equal(false);
    expect(article(el, 'c3')!.hasAttribute('data-linked')).to.equal(true);

    location.hash = '#comment-gone';
    await until(() => part(el, 'missing-comment') !== null, 'no notice for the missing comment');
    expect(article(el, 'c3')!.hasAttribute('data-linked')).to.equal(false);

    location.hash = '#respond';
    await until(() => part(el, 'missing-comment') === null, 'the notice outlived its link');
  });

  it('makes a lazy element load at once when a comment is linked after the page loaded', async () => {
    const adapter = paged(1, 5);
    const el = await belowTheFold(adapter);
    await el.updateComplete;
    expect(adapter.lists).to.equal(0);
    location.hash = '#comment-c4';
    await until(() => linked(el, 'c4'), 'the lazy element did not load for the link');
  });

  it('does nothing special for other fragments', async () => {
    const adapter = paged(1, 5);
    linkTo('#top');
    const el = await belowTheFold(adapter);
    await el.updateComplete;
    expect(adapter.lists).to.equal(0);
  });
});

describe('Copy link', () => {
  const realClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
  let written: string[];
  let refuse: boolean;

  beforeEach(() => {
    written = [];
    refuse = false;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          if (refuse) throw new DOMException('Write permission denied.', 'NotAllowedError');
          written.push(text);
        },
      },
    });
  });
  afterEach(() => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).to.deep.equal(realClipboard);
  });

  async function thread() {
    const adapter = scripted({
      list: async () => ({
        comments: [
          comment('1', null, at(1), 'Ann', { permalink: 'https://blog.example.org/post/#comment-1' }),
          comment('2', null, at(2), 'Bo', { permalink: 'javascript:alert(1)' }),
          comment('3', null, at(3), 'Cy'),
          comment('4', null, at(4), 'Di', { status: 'pending' }),
        ],
        total: 3,
        cursor: null,
      }),
    });
    const el = await fixture<CommentThread>(html`<comment-thread .adapter=${adapter} loading="eager"></comment-thread>`);
    await until(() => article(el, '1') !== null, 'the thread did not load');
    return el;
  }

  const button = (el: CommentThread, id: string) => article(el, id)!.querySelector<HTMLButtonElement>('[part~="copy-link-button"]');

  it('copies the permalink, or the page address with #comment-ID, and says so', async () => {
    const el = await thread();
    expect(button(el, '1')!.textContent).to.equal('Copy link');
    button(el, '1')!.click();
    await until(() => written.length === 1, 'nothing was copied');
    expect(written[0]).to.equal('https://blog.example.org/post/#comment-1');
    await until(() => announced(el) === 'Link copied.', 'the copy was not announced');

    button(el, '2')!.click();
    button(el, '3')!.click();
    await until(() => written.length === 3, 'the other links were not copied');
    const page = new URL(location.href);
    page.hash = '';
    expect(written.slice(1)).to.deep.equal([`${page.href}#comment-2`, `${page.href}#comment-3`]);
  });

  it('offers no link for a comment awaiting moderation', async () => {
    const el = await thread();
    expect(article(el, '4')).to.not.equal(null);
    expect(button(el, '4')).to.equal(null);
  });

  it('shows the link selected in a labelled read-only field where the clipboard refuses', async () => {
    const el = await thread();
    refuse = true;
    button(el, '3')!.click();
    const input = () => article(el, '3')!.querySelector<HTMLInputElement>('[part~="link-field"] input');
    await until(() => input() !== null, 'no field with the link');
    const field = input()!;
    expect(field.readOnly).to.equal(true);
    expect(field.value).to.match(/#comment-3$/);
    expect(field.labels![0]!.textContent).to.contain('Copy link');
    expect(focused(el)).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    await expect(el).to.be.accessible();

    // One field at a time.
    button(el, '1')!.click();
    await until(() => article(el, '1')!.querySelector('[part~="link-field"]') !== null, 'no field for the second link');
    expect(input()).to.equal(null);
  });
});
