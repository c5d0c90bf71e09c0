/**
 * Comments as HTML on the server or at build time (Node, no DOM): `comment-thread/render`.
 *
 * `renderThread()` writes the semantic markup that crawlers and readers without JavaScript see, and that
 * `<comment-thread>` reads back as its first page when it is placed inside the element (light-dom.ts):
 * WordPress's classic comment list (`ol.comment-list > li.comment > article.comment-body`), each item
 * carrying its exact `data-comment-id`, then schema.org JSON-LD for the post and its comments.
 *
 * Every text is escaped. HTML bodies go through sanitize-html (an optional peer dependency) with the
 * element's own allow-list (sanitize.ts); without it, a body is reduced to its text and escaped: nothing
 * of the backend's markup reaches the page then, only its words.
 */
import { buildThread, type ThreadNode } from './model/thread.js';
import { CommentSchema, type Comment } from './model/schemas.js';
import { ALLOWED_ELEMENTS, isHttpUrl, isSafeImage, isSafeLink, LINK_REL, RENAMED } from './sanitize.js';

export interface RenderOptions {
  /** The post the comments belong to; written on the wrapper for the element's adapter. */
  postId: string;
  /** The language of the dates (and the `lang` of the wrapper): `en`, `fr-CA` … Default `en`. */
  lang?: string;
  /** The IANA time zone the dates are shown in. Default UTC: a build machine's own zone means nothing to readers. */
  timeZone?: string;
  /** Top-level comments `oldest` (default) or `newest` first. */
  order?: 'oldest' | 'newest';
  /** The post, for the JSON-LD: its schema.org type, address, title, author and date. */
  post?: {
    type?: 'BlogPosting' | 'DiscussionForumPosting';
    url?: string;
    headline?: string;
    author?: string;
    datePublished?: string;
  };
  /** Comments in the whole thread, when the markup holds only its first page. */
  total?: number;
  /** The adapter's cursor for the page after these comments (the element loads it when asked). */
  cursor?: string;
  /** `false`: no JSON-LD script (the page writes its own). */
  jsonLd?: boolean;
}

type Sanitize = (html: string, options: object) => string;

/** sanitize-html when it is installed; otherwise bodies become escaped text. */
const library: Sanitize | undefined = await import('sanitize-html').then(
  (module: { default: Sanitize }) => module.default,
  () => undefined,
);

/** Which body sanitizer is in use: `sanitize-html`, or `text` (markup dropped, words kept). */
export const bodySanitizer: 'sanitize-html' | 'text' = library ? 'sanitize-html' : 'text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for an element's content or a quoted attribute value. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });

/** The words of an HTML body: blocks and line breaks become newlines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return decode(
    html
      .replace(/<(script|style|template|textarea|title)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|blockquote|h[1-6]|pre|tr)\s*>/gi, '\n\n')
      .replace(/<[^>]*>?/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text as escaped paragraphs, line breaks kept: what the element does with a text body. */
const paragraphs = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');

const SANITIZE_OPTIONS = {
  allowedTags: [...ALLOWED_ELEMENTS],
  // The element's per-element attributes (sanitize.ts); everything else, event handlers and styles first, goes.
  allowedAttributes: {
    '*': ['title', 'lang', 'dir'],
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'svg', 'math', 'iframe', 'object'],
  transformTags: {
    ...RENAMED,
    // A body's headings never outrank the thread's own (sanitize.ts FIRST_HEADING).
    h1: 'h3',
    h2: 'h4',
    a: (tagName: string, attribs: Record<string, string>) => {
      const href = attribs['href'];
      return { tagName, attribs: href && isSafeLink(href) ? { href, rel: LINK_REL } : {} };
    },
    img: (tagName: string, attribs: Record<string, string>) => {
      const src = attribs['src'];
      return { tagName, attribs: src && isSafeImage(src) ? { ...attribs, loading: 'lazy' } : { alt: attribs['alt'] ?? '' } };
    },
  },
  exclusiveFilter: (frame: { tag: string; attribs: Record<string, string> }) => frame.tag === 'img' && !frame.attribs['src'],
};

/** A body as safe HTML. */
export function bodyHtml(body: Comment['body']): string {
  if (body.format === 'text') return paragraphs(body.value);
  if (!library) return paragraphs(htmlToText(body.value));
  return library(body.value, SANITIZE_OPTIONS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatDate(iso: string, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone })));
  return format.format(new Date(iso));
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

function item(node: ThreadNode, lang: string, timeZone: string): string {
  const c = node.comment;
  const { name, url, avatarUrl, isPostAuthor } = c.author;
  const id = escapeHtml(c.id);
  const author = url && isHttpUrl(url) ? `<a class="url" href="${escapeHtml(url)}" rel="external nofollow ugc">${escapeHtml(name)}</a>` : escapeHtml(name);
  const avatar = avatarUrl && isSafeImage(avatarUrl) ? `<img class="avatar" src="${escapeHtml(avatarUrl)}" alt="" width="40" height="40" loading="lazy"> ` : '';
  const iso = new Date(c.createdAt).toISOString();
  const time = `<time datetime="${iso}">${escapeHtml(formatDate(iso, lang, timeZone))}</time>`;
  const date = c.permalink && isSafeLink(c.permalink) ? `<a href="${escapeHtml(c.permalink)}">${time}</a>` : time;
  // The true parent when the depth cap hung the reply elsewhere, so the element reads the same thread.
  const parent = node.capAncestor !== undefined ? attr('data-parent-id', c.parentId ?? undefined) : '';
  const replies = node.replies.length ? `<ol class="children">${node.replies.map((r) => item(r, lang, timeZone)).join('')}</ol>` : '';
  return (
    `<li id="comment-${id}" class="comment depth-${node.depth}${isPostAuthor ? ' bypostauthor' : ''}" data-comment-id="${id}"${parent}>` +
    `<article id="div-comment-${id}" class="comment-body"><footer class="comment-meta">` +
    `<div class="comment-author vcard">${avatar}<b class="fn">${author}</b></div>` +
    `<div class="comment-metadata">${date}</div></footer>` +
    `<div class="comment-content">${bodyHtml(c.body)}</div></article>${replies}</li>`
  );
}

/** The comments that may be published: valid, approved, each id once. Held comments are never rendered. */
function publishable(comments: readonly unknown[]): Comment[] {
  const seen = new Set<string>();
  const out: Comment[] = [];
  for (const raw of comments) {
    const parsed = CommentSchema.safeParse(raw);
    if (parsed.success && parsed.data.status === 'approved' && !seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      out.push(parsed.data);
    }
  }
  return out;
}

/** JSON for a `<script>`: no `</script>`, `<!--` or line separators can end or bend it. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** schema.org: the post (`BlogPosting` by default) with its approved comments, replies naming their `parentItem`. */
export function threadJsonLd(comments: readonly unknown[], options: RenderOptions): Record<string, unknown> {
  const post = options.post ?? {};
  // In the thread's reading order, as the markup has them.
  const list: Comment[] = [];
  const walk = (nodes: readonly ThreadNode[]) => nodes.forEach((node) => (list.push(node.comment), walk(node.replies)));
  walk(buildThread(publishable(comments), { order: options.order ?? 'oldest' }));
  const anchor = (c: Comment) => c.permalink ?? (post.url ? `${post.url.replace(/#.*$/, '')}#comment-${c.id}` : `#comment-${c.id}`);
  const byId = new Map(list.map((c) => [c.id, c]));
  return {
    '@context': 'https://schema.org',
    '@type': post.type ?? 'BlogPosting',
    ...(post.url ? { '@id': post.url, url: post.url } : {}),
    ...(post.headline ? { headline: post.headline } : {}),
    ...(post.author ? { author: { '@type': 'Person', name: post.author } } : {}),
    ...(post.datePublished ? { datePublished: post.datePublished } : {}),
    commentCount: options.total ?? list.length,
    comment: list.map((c) => {
      const parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
      const url = anchor(c);
      return {
        '@type': 'Comment',
        '@id': url,
        url,
        author: { '@type': 'Person', name: c.author.name, ...(c.author.url && isHttpUrl(c.author.url) ? { url: c.author.url } : {}) },
        dateCreated: new Date(c.createdAt).toISOString(),
        datePublished: new Date(c.createdAt).toISOString(),
        text: c.body.format === 'text' ? c.body.value.trim() : htmlToText(c.body.value),
        ...(parent ? { parentItem: { '@id': anchor(parent) } } : {}),
      };
    }),
  };
}

/**
 * The thread as HTML: a wrapper marked `data-comment-thread-page` around the comment list, then the
 * JSON-LD. Put it inside `<comment-thread>` and the element starts from it. `comments` are model
 * comments (`Comment`); invalid and held ones are left out.
 */
export function renderThread(comments: readonly unknown[], options: RenderOptions): string {
  const lang = options.lang ?? 'en';
  const timeZone = options.timeZone ?? 'UTC';
  const list = publishable(comments);
  const nodes = buildThread(list, { order: options.order ?? 'oldest' });
  const total = options.total ?? list.length;
  const items = nodes.map((node) => item(node, lang, timeZone)).join('');
  const page =
    `<div class="comment-thread-page" data-comment-thread-page${attr('data-post-id', options.postId)}${attr('lang', options.lang)}` +
    ` data-total="${total}"${attr('data-cursor', options.cursor)}>` +
    `<ol class="comment-list">${items}</ol></div>`;
  if (options.jsonLd === false) return page;
  return `${page}\n<script type="application/ld+json">${scriptJson(threadJsonLd(list, options))}</script>`;
}
