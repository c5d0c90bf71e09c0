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
 * the reader sees. Where the browser lacks the event, the image comes at once, with `loading="lazy"`.
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
  const src = holder.dataset.src;
  if (src === undefined || !holder.isConnected) return;
  const img = document.createElement('img');
  img.setAttribute('part', 'avatar');
  img.alt = '';
  img.width = img.height = 40;
  img.loading = 'lazy';
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.src = src;
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
        // Those of this subtree, not of a nested one the browser may still skip.
        for (const holder of subtree.querySelectorAll<HTMLElement>('span[part~="avatar"][data-src]')) {
          if (holder.closest(SUBTREE) === subtree) show(holder);
        }
      }
    },
    true,
  );
}

let pending: HTMLElement[] = [];

/** After Lit has inserted the rendered comments: each avatar's subtree is known by then. */
function place() {
  const holders = pending;
  pending = [];
  for (const holder of holders) {
    if (holder.dataset.src === undefined || !holder.isConnected) continue;
    const root = holder.getRootNode();
    if (root !== holder) watch(root);
    const subtree = holder.closest(SUBTREE);
    // Not in a content-visibility subtree (or no event to wait for): nothing would ever say when.
    if (!supported || !subtree || relevant.has(subtree)) show(holder);
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
      if (pending.push(holder) === 1) queueMicrotask(place);
    }
    return noChange;
  }
}

/** `<span part="avatar" ${lazyAvatar(url)}></span>`: the avatar, an image once its comment nears the viewport. */
export const lazyAvatar = directive(LazyAvatar);
