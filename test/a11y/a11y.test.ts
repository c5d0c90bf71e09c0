/**
 * Accessibility in every state the element can be in: axe (0 violations) in loading, empty, error,
 * thread, reply form open with validation errors, pending comment, dark theme (attribute and the
 * reader's preference), 200% text and forced colours; WCAG 2.2 AA text contrast (4.5:1) computed from the
 * rendered colours in both default themes; the arrival highlight and the skeleton pulse off under
 * prefers-reduced-motion.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { CommentThreadError } from '../../src/model/errors.js';
import { memory } from '../../src/adapters/memory.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { comment, seedThread } from '../fixtures.js';
import { article, deferred, fill, loaded, part, parts, scripted, shadow, until } from '../helpers.js';
import { contrast, over, parseColor, type RGBA } from '../contrast.js';

const render = (adapter: unknown, attrs: { theme?: string } = {}) =>
  fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id="1" theme=${attrs.theme ?? ''} .adapter=${adapter}></comment-thread>`,
  );

const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;

/** A thread with everything a reader can meet: nesting, a post author, links, an HTML body, a pending comment. */
async function everything(theme?: string): Promise<CommentThread> {
  const el = await render(memory({ comments: seedThread, moderation: 'all' }), theme ? { theme } : {});
  await loaded(el);
  fill(topForm(el), { content: 'Held for moderation', name: 'Kim', email: 'kim@example.org' });
  const submitted = oneEvent(el, 'comment-submitted');
  topForm(el).requestSubmit();
  await submitted;
  await el.updateComplete;
  expect(part(el, 'status')!.textContent).to.equal('Comment sent. It is awaiting moderation.');
  // A reply form, open, with validation errors.
  article(el, '3')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
  await el.updateComplete;
  const reply = shadow(el).querySelector<HTMLFormElement>('[part~="reply-form"]')!;
  reply.requestSubmit();
  await until(() => reply.querySelector('[aria-invalid="true"]'), 'validation errors shown');
  return el;
}

// ---- contrast, WCAG 2.2 relative luminance -------------------------------------------------------------

/** The colour behind `node`: its own and its ancestors' backgrounds (across the shadow boundary), over the page. */
function backgroundOf(node: Element): RGBA {
  const layers: RGBA[] = [];
  for (let at: Element | null = node; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    const color = parseColor(getComputedStyle(at).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), parseColor(getComputedStyle(document.body).backgroundColor || '#fff'));
}

/** Every element with its own visible text, with the contrast of that text on what is behind it. */
function textContrasts(el: CommentThread): { where: string; ratio: number }[] {
  const out: { where: string; ratio: number }[] = [];
  for (const node of shadow(el).querySelectorAll<HTMLElement>('*')) {
    const own = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const field = node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement;
    if (!own && !(field && (node as HTMLInputElement).value)) continue;
    if (node.closest('.sr-only, .hp, [aria-hidden="true"]') || node.matches('[part~="skip-link"]:not(:focus)')) continue;
    if ((node as HTMLButtonElement).disabled) continue; // WCAG 1.4.3 exempts inactive controls
    const style = getComputedStyle(node);
    const text = over(parseColor(style.color), backgroundOf(node));
    out.push({ where: `${node.tagName.toLowerCase()}[part="${node.getAttribute('part') ?? ''}"] "${(node.textContent || (node as HTMLInputElement).value).trim().slice(0, 30)}"`, ratio: contrast(text, backgroundOf(node)) });
  }
  return out;
}

function assertContrast(el: CommentThread) {
  const all = textContrasts(el);
  expect(all.length, 'text checked').to.be.greaterThan(30);
  const low = all.filter((c) => c.ratio < 4.5).map((c) => `${c.where}: ${c.ratio.toFixed(2)}:1`);
  expect(low, 'text under 4.5:1').to.deep.equal([]);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(async () => {
  document.documentElement.style.fontSize = '';
  document.documentElement.style.colorScheme = '';
  document.body.style.background = '';
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' });
});

describe('axe: 0 violations', () => {
  it('loading', async () => {
    const pending = deferred<{ comments: Comment[] }>();
    const el = await render(scripted({ list: () => pending.promise }));
    expect(part(el, 'thread')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    pending.resolve({ comments: [] });
    await loaded(el);
  });

  it('empty', async () => {
    const el = await render(memory());
    await loaded(el);
    expect(part(el, 'empty')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('error', async () => {
    const el = await render(scripted({ list: async () => Promise.reject(new CommentThreadError('http', 'The comment server answered 503.')) }));
    await until(() => part(el, 'error-state'), 'error shown');
    await expect(el).to.be.accessible();
  });

  it('thread, pending comment, reply form open with validation errors', async () => {
    const el = await everything();
    expect(parts(el, 'moderation')).to.have.length(1);
    expect(shadow(el).querySelectorAll('[aria-invalid="true"]').length).to.be.at.least(2);
    await expect(el).to.be.accessible();
  });

  it('dark theme by attribute', async () => {
    const el = await everything('dark');
    await expect(el).to.be.accessible();
  });

  it('dark theme by the reader\'s preference, on a page that allows both schemes', async () => {
    // The thread follows its page: dark for a dark-preferring reader only where the page allows dark.
    document.documentElement.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    const el = await everything();
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(29, 35, 39)');
    await expect(el).to.be.accessible();
  });

  it('200% text: accessible, and nothing wider than its column', async () => {
    document.documentElement.style.fontSize = '200%';
    const el = await everything();
    el.style.maxWidth = '640px';
    await el.updateComplete;
    expect(parseFloat(getComputedStyle(part(el, 'body')!).fontSize)).to.equal(32);
    await expect(el).to.be.accessible();
    const wide = [...shadow(el).querySelectorAll<HTMLElement>('article, form')].filter((n) => n.scrollWidth > n.clientWidth + 1);
    expect(wide.map((n) => n.id)).to.deep.equal([]);
  });

  it('forced colours: accessible, buttons keep a border and focus a visible outline', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await everything();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    await expect(el).to.be.accessible();
    const reply = article(el, '1')!.querySelector<HTMLElement>('[part~="reply-button"]')!;
    expect(getComputedStyle(reply).borderTopStyle).to.equal('solid');
  });
});

describe('contrast: text at least 4.5:1 (WCAG 2.2 AA)', () => {
  it('has a check that fails on low contrast (control)', () => {
    expect(contrast([119, 119, 119, 1], [255, 255, 255, 1])).to.be.below(4.5); // #777 on white: 4.48
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).to.be.closeTo(21, 0.01);
  });

  it('light theme on a white page', async () => {
    document.body.style.background = '#fff';
    const el = await everything('light');
    assertContrast(el);
  });

  it('dark theme', async () => {
    const el = await everything('dark');
    assertContrast(el);
  });

  it('dark by preference, on a page that allows both schemes', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    const el = await everything();
    assertContrast(el);
  });
});

describe('prefers-reduced-motion', () => {
  const arrival = async () => {
    const el = await render(memory({ comments: [comment('1', null, '2020-01-01T00:00:00Z')] }));
    await loaded(el);
    fill(topForm(el), { content: 'New', name: 'Kim', email: 'kim@example.org' });
    const { detail } = await (async () => {
      const submitted = oneEvent(el, 'comment-submitted');
      topForm(el).requestSubmit();
      return submitted;
    })();
    await el.updateComplete;
    return article(el, detail.comment.id)!;
  };

  it('highlights a new comment when motion is welcome (control)', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(await arrival()).animationName).to.equal('arrive');
  });

  it('does not animate the new comment or the skeleton when the reader asks for less motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(await arrival()).animationName).to.equal('none');
    const pending = deferred<{ comments: Comment[] }>();
    const el = await render(scripted({ list: () => pending.promise }));
    const block = part(el, 'skeleton')!.firstElementChild!;
    expect(getComputedStyle(block).animationName).to.equal('none');
    pending.resolve({ comments: [] });
  });
});
