import { noChange, nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * Avatars load only when their comment nears the viewport. Each top-level comment is a
 * `content-visibility: auto` subtree, and the browser already tells when one becomes relevant to the
 * reader (`contentvisibilityautostatechange`, CSS Containment 2): so an avatar waits in `data-src`
 * until its subtree does, with one listener per shadow root and no observer per image. A thousand
 * avatars requested at once, most of them far below, slowed the first comments the reader sees.
 * Where the browser lacks the event, the image gets its `src` at once (and its `loading="lazy"`).
 */

/** Top-level subtrees the browser currently renders (not skipped). */
const relevant = new WeakSet<Element>();
const watched = new WeakSet<Node>();
const supported = typeof HTMLElement === 'function' && 'oncontentvisibilityautostatechange' in HTMLElement.prototype;
const SUBTREE = '[part~="list"] > li';

interface StateChange extends Event {
  readonly skipped: boolean;
}

function show(img: HTMLImageElement) {
  const src = img.dataset.src;
  if (src === undefined) return;
  delete img.dataset.src;
  img.src = src;
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
        for (const img of subtree.querySelectorAll<HTMLImageElement>('img[data-src]')) show(img);
      }
    },
    true,
  );
}

let pending: HTMLImageElement[] = [];

/** After Lit has inserted the rendered comments: each avatar's subtree is known by then. */
function place() {
  const images = pending;
  pending = [];
  for (const img of images) {
    if (img.dataset.src === undefined) continue;
    const root = img.getRootNode();
    if (root !== img) watch(root);
    const subtree = img.closest(SUBTREE);
    // Not in a content-visibility subtree (or no event to wait for): nothing would ever say when.
    if (!supported || !subtree || relevant.has(subtree)) show(img);
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
    const img = part.element as HTMLImageElement;
    img.removeAttribute('src');
    img.dataset.src = url;
    if (pending.push(img) === 1) queueMicrotask(place);
    return noChange;
  }
}

/** `<img ${lazyAvatar(url)}>`: the avatar's `src`, set when its comment nears the viewport. */
export const lazyAvatar = directive(LazyAvatar);
