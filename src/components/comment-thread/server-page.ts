/**
 * How the element tells, without loading the reader (light-dom.ts), that the page already holds its
 * comments: a list a WordPress theme or the Node renderer wrote inside it.
 */
export const LISTS =
  'ol.comment-list, ul.comment-list, ol.commentlist, ul.commentlist, ol.wp-block-comment-template, ul.wp-block-comment-template';

/** A page of comments in the element's light DOM: the renderer's marked wrapper, or a theme's list. */
export const SERVER_PAGE = `[data-comment-thread-page], ${LISTS}`;

/**
 * Keeps the server's comments shown while the element gets ready. From the moment its shadow root exists
 * until its first render (the reader loads, the comments are checked), a slot shows the light DOM as the
 * theme laid it out, instead of an empty box the rest of the page moves into and out of again: a layout
 * shift readers see, measured on the WordPress plugin's pages. Returns what takes the slot away.
 */
export function showServerPage(root: HTMLElement | DocumentFragment): () => void {
  const slot = document.createElement('slot');
  root.prepend(slot);
  return () => slot.remove();
}
