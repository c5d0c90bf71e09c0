/**
 * Markdown to HTML for the form's preview (and the memory backend's stored bodies), with marked: the
 * renderer Waline uses, so a Waline preview matches what the server will store. Loaded only by a dynamic
 * `import()` when Preview is first opened: no thread pays for it on its first load. Its output is not
 * trusted: it goes through the same sanitize seam as every comment body.
 */
import { Marked } from 'marked';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const marked = new Marked({
  gfm: true,
  // A single line break is a line break, as comment servers (Isso, Waline, Artalk) render it.
  breaks: true,
  async: false,
  // Raw HTML is shown as typed: the servers that take Markdown escape or strip it too.
  renderer: { html: (html: string) => escape(html) },
});

/** `source` rendered as HTML, to be sanitized before it reaches the page. */
export const renderMarkdown = (source: string): string => marked.parse(source) as string;
