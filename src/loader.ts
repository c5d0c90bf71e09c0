/**
 * What the script tag runs on every page view, before anyone reads a comment: it finds the elements and
 * imports the code that defines them only when it is needed. A comment section sits below an article
 * the reader came for; the element's 30 kB would otherwise be fetched, parsed and run during the
 * article's own load, competing with it for the network and the main thread.
 *
 * The element's code is imported
 * - at once when an element has `loading="eager"`, or the page is opened at (or moves to) a link to
 *   one comment (`#comment-…`): the reader asked for the comments;
 * - when an element comes within {@link MARGIN} of the viewport: it is ready by the time they are read;
 * - otherwise when the page is idle after its `load` event, so it is ready when the reader arrives
 *   without taking anything from the page's own load.
 *
 * Nothing is styled or hidden meanwhile: an undefined element is an ordinary inline element, and
 * comments a server rendered inside it stay visible until the element takes them over.
 */

/**
 * How far from the viewport an element starts the import: more than a screen, so the code has arrived
 * and run before the element's own observer (800 px) asks for the comments.
 */
export const MARGIN = '1600px 0px';

/** Longest wait for an idle period after `load` before importing anyway. */
const IDLE_TIMEOUT_MS = 5000;

const isLink = (hash: string) => /^#comment-./.test(hash);

/**
 * Watches the document for the elements `tags` names and calls `load` once, when one is wanted (see above). Elements
 * added later (by a framework, a "show comments" button) are found by a MutationObserver.
 */
export function loadWhenWanted(load: () => Promise<unknown>, tags: string): void {
  let started = false;
  let idleScheduled = false;
  const seen = new WeakSet<Element>();
  const near =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: MARGIN })
      : undefined;
  const added = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });

  function start() {
    if (started) return;
    started = true;
    near?.disconnect();
    added.disconnect();
    removeEventListener('hashchange', onHash);
    // A failed import (offline, a blocked chunk) is the console's to report: there is no element yet to show it.
    load().catch((error: unknown) => console.error(error));
  }

  function consider(el: Element) {
    if (started || seen.has(el)) return;
    seen.add(el);
    if (el.getAttribute('loading') === 'eager' || !near) return start();
    near.observe(el);
    scheduleIdle();
  }

  function scan(root: Element | Document) {
    if (root instanceof Element && root.matches(tags)) consider(root);
    for (const el of root.querySelectorAll(tags)) consider(el);
  }

  /** After the page's own `load`, at the next idle period: only for pages that hold an element. */
  function scheduleIdle() {
    if (idleScheduled) return;
    idleScheduled = true;
    const whenIdle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS })
        : setTimeout(start, 1000);
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  }

  function onHash() {
    if (isLink(location.hash)) start();
  }

  if (isLink(location.hash)) return start();
  addEventListener('hashchange', onHash);
  added.observe(document, { childList: true, subtree: true });
  scan(document);
}
