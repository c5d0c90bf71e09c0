/**
 * How the element tells, without loading the reader (light-dom.ts), that the page already holds its
 * comments: a list a WordPress theme or the Node renderer wrote inside it.
 */
export const LISTS =
  'ol.comment-list, ul.comment-list, ol.commentlist, ul.commentlist, ol.wp-block-comment-template, ul.wp-block-comment-template';

/** A page of comments in the element's light DOM: the renderer's marked wrapper, or a theme's list. */
export const SERVER_PAGE = `[data-comment-thread-page], ${LISTS}`;
