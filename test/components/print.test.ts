/**
 * Printing: every comment is on paper. On screen, list items off screen are skipped by
 * `content-visibility: auto`; printed, nothing may be skipped, the ink is dark on white whatever the
 * scheme, and what only works on screen (placeholders, buttons, forms, anything sticky) is left out.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment } from '../fixtures.js';
import { deferred, loaded, part, parts, scripted, shadow, until } from '../helpers.js';

/** Top-level comments enough to run far past any viewport, each a few paragraphs long. */
const many: Comment[] = Array.from({ length: 40 }, (_, i) =>
  comment(String(i + 1), null, `2020-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`, `Reader ${i + 1}`, {
    body: { format: 'text', value: `Comment ${i + 1}.\n\nA second paragraph.\n\nA third paragraph.` },
  }),
);

const render = (theme?: string) =>
  fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id="print" theme=${theme ?? ''} .adapter=${memory({ comments: many })}></comment-thread>`,
  );

/** Items whose contents the browser skips (content-visibility: auto, off screen). */
const skipped = (el: CommentThread) =>
  parts(el, 'list')[0]!.querySelectorAll(':scope > li').length -
  [...parts(el, 'list')[0]!.querySelectorAll<HTMLElement>(':scope > li > article')].filter((a) =>
    a.checkVisibility({ contentVisibilityAuto: true }),
  ).length;

async function allShown(el: CommentThread) {
  await loaded(el);
  await until(() => parts(el, 'list')[0]?.querySelectorAll(':scope > li').length === many.length, 'every comment rendered');
}

afterEach(async () => {
  document.documentElement.style.colorScheme = '';
  await emulateMedia({ media: 'screen', colorScheme: 'light' });
});

describe('printing', () => {
  it('skips the contents of comments off screen on screen (control: the check can fail)', async () => {
    const el = await render();
    await allShown(el);
    await until(() => skipped(el) > 0, 'off-screen comments skipped on screen');
    expect(skipped(el)).to.be.greaterThan(10);
  });

  it('lays out every comment in print, off-screen ones included', async () => {
    const el = await render();
    await allShown(el);
    await emulateMedia({ media: 'print' });
    await until(() => skipped(el) === 0, 'every comment laid out in print');
    const last = parts(el, 'list')[0]!.lastElementChild!.querySelector<HTMLElement>('[part~="body"]')!;
    expect(last.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(last.textContent).to.match(/^Comment \d+\./);
    for (const li of parts(el, 'list')[0]!.querySelectorAll(':scope > li')) expect(getComputedStyle(li).contentVisibility).to.equal('visible');
  });

  it('prints dark ink whatever the scheme: the dark theme and a dark page', async () => {
    document.documentElement.style.colorScheme = 'dark';
    const el = await render('dark');
    await allShown(el);
    const screenColor = getComputedStyle(part(el, 'body')!).color;
    expect(screenColor).to.equal('rgb(240, 240, 241)');
    await emulateMedia({ media: 'print' });
    await until(() => getComputedStyle(part(el, 'body')!).color === 'rgb(29, 35, 39)', 'dark text in print');
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('leaves out buttons, forms and anything sticky or fixed', async () => {
    const el = await render();
    await allShown(el);
    expect(getComputedStyle(part(el, 'reply-button')!).display).to.not.equal('none'); // control
    await emulateMedia({ media: 'print' });
    await until(() => getComputedStyle(part(el, 'actions')!).display === 'none', 'actions left out in print');
    for (const form of parts(el, 'form')) expect(getComputedStyle(form).display).to.equal('none');
    const stuck = [...shadow(el).querySelectorAll<HTMLElement>('*')].filter((n) => ['sticky', 'fixed'].includes(getComputedStyle(n).position));
    expect(stuck.map((n) => n.getAttribute('part') ?? n.tagName)).to.deep.equal([]);
  });

  it('prints no loading placeholders', async () => {
    const pending = deferred<{ comments: Comment[] }>();
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" post-id="p" .adapter=${scripted({ list: () => pending.promise })}></comment-thread>`,
    );
    await until(() => part(el, 'skeleton'), 'skeleton shown');
    expect(getComputedStyle(part(el, 'skeleton')!).display).to.equal('grid'); // control
    await emulateMedia({ media: 'print' });
    await until(() => getComputedStyle(part(el, 'skeleton')!).display === 'none', 'skeleton left out in print');
    pending.resolve({ comments: [] });
    await loaded(el);
  });
});
