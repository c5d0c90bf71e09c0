import { noChange, nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Avatars load only when their comment nears the viewport, and until then are no image at all. Each
 * top-level comment (and each item of a long list of replies) is a `content-visibility: auto` subtree,
 * and the browser already tells when one becomes relevant to the reader
 * (`contentvisibilityautostatechange`, CSS Containment 2): so an avatar is a placeholder
 * `<span part="avatar">` with its address in `data-src`, the same box by the same styles, until its
 * subtree is relevant; then an `<img part="avatar">` takes its place. One listener per shadow root, no
 * observer per image. An `<img>` per comment, even without a `src`, made 1,000 comments take 1.3× as
 * long to render as without avatars; a thousand avatars requested at once slowed the first comments
 * the reader sees. Where the browser lacks the event, the image comes with `loading="lazy"`.
 *
 * The text comes first: placeholders become images when the main thread is next idle, not in the
 * middle of rendering the thread. The fifty-odd images near the top of a 1,000-comment thread, made
 * while the rest of it rendered, were most of what avatars cost it (docs/performance.md). A small
 * thread is idle a frame after its first render.
 */

/** Subtrees the browser currently renders (not skipped). */
const relevant = new WeakSet<Element>();
const watched = new WeakSet<Node>();
const supported = typeof HTMLElement === 'function' && 'oncontentvisibilityautostatechange' in HTMLElement.prototype;
/** The `content-visibility: auto` subtrees (comment-thread.styles.ts). */
const SUBTREE = '[part~="list"] > li, .long > li';
/** Placeholders replaced, and by which image: a later address goes to the image. */
const images = new WeakMap<Element, HTMLImageElement>();

interface StateChange extends Event {
  readonly skipped: boolean;
}

/** The image in place of `holder`, with the address it waited with. */
function show(holder: HTMLElement) {
  const img = document.createElement('img');
  img.setAttribute('part', 'avatar');
  img.alt = '';
  img.width = img.height = 40;
  img.loading = 'lazy';
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.src = holder.dataset.src!;
  images.set(holder, img);
  holder.replaceWith(img);
}

/**
 * One capturing listener of each kind for every avatar under `root`: `error` does not bubble, but its
 * capture phase passes the shadow root. An avatar that cannot load (blocked, gone, offline) leaves no
 * broken-image icon behind.
 */
function watch(root: Node) {
  if (watched.has(root)) return;
  watched.add(root);
  root.addEventListener(
    'error',
    (event) => {
      const target = event.target as HTMLElement;
      if (target instanceof HTMLImageElement && target.matches('[part~="avatar"]')) target.hidden = true;
    },
    true,
  );
  root.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      const subtree = event.target as Element;
      if ((event as StateChange).skipped) relevant.delete(subtree);
      else {
        relevant.add(subtree);
        // Those of a nested subtree the browser still skips stay placeholders (see flush).
        for (const holder of subtree.querySelectorAll<HTMLElement>('span[part~="avatar"][data-src]')) later(holder);
      }
    },
    true,
  );
}

/** Placeholders to become images at the next idle period (a holder may come twice: shown once). */
let due: HTMLElement[] = [];

/**
 * Shows `holder`'s image once the main thread is idle, if its subtree is relevant by then: at most a
 * second late on a page that never is, and after a timer where the browser has no idle callbacks.
 */
function later(holder: HTMLElement) {
  if (due.push(holder) === 1) {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 1000 });
    else setTimeout(flush);
  }
}

/** As many images as the idle period has room for; the rest at the next one. */
function flush(deadline?: IdleDeadline) {
  const holders = due;
  due = [];
  for (const holder of holders) {
    if (deadline && !deadline.didTimeout && deadline.timeRemaining() <= 0) later(holder);
    else if (holder.isConnected) {
      const subtree = holder.closest(SUBTREE);
      // Not in a content-visibility subtree (or no event to wait for): nothing would ever say when.
      if (!supported || !subtree || relevant.has(subtree)) show(holder);
    }
  }
}

class LazyAvatar extends Directive {
  private url?: string;

  render(_url: string) {
    return nothing;
  }

  override update(part: ElementPart, [url]: [string]) {
    if (url === this.url) return noChange;
    this.url = url;
    const holder = part.element as HTMLElement;
    const img = images.get(holder);
    if (img) img.src = url;
    else {
      holder.dataset.src = url;
      // The element's shadow root, before the browser first says which subtrees are relevant.
      const root = (part.options?.host as Element | undefined)?.shadowRoot;
      if (root) watch(root);
      later(holder);
    }
    return noChange;
  }
}

/** `<span part="avatar" ${lazyAvatar(url)}></span>`: the avatar, an image once its comment nears the viewport. */
export const lazyAvatar = directive(LazyAvatar);
