/**
 * Backend text without a DOM: character references decoded and tags dropped by plain string work, so
 * adapters run anywhere `fetch` does (a worker, Node, a test without a page). What backends really send is
 * narrow: WordPress escapes names with `&amp;` `&#039;` and texturizes to numeric references (`&#8217;`),
 * Isso escapes with Python's `html.escape` (`&#x27;`), error pages use a few named ones (`&nbsp;`,
 * `&hellip;`). Never used to decide what is safe: bodies still go through the sanitizer.
 */

import { decodeEntities } from './entities.js';

export { decodeEntities } from './entities.js';

/** Elements whose content is not text a reader would see. */
const HIDDEN = /<(script|style|template|head)\b[\s\S]*?<\/\1\s*>/gi;
/** A tag or comment. Attribute values may hold `>` only inside quotes. */
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;

/** Tags that break a line where they stand: dropped as a space, so words either side stay apart. */
const BLOCK = /^<\/?(?:p|br|div|li|ul|ol|dd|dt|h[1-6]|tr|td|th|blockquote|pre|hr|section|article|header|footer|title|body)\b/i;

/** HTML as the text a reader sees, on one line: tags dropped, references decoded, whitespace collapsed. */
export function htmlText(html: string): string {
  return decodeEntities(html.replace(HIDDEN, ' ').replace(TAG, (tag) => (BLOCK.test(tag) ? ' ' : '')))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of the first `tag` element in `html` (not nested in another of its kind), or undefined. */
export function firstElement(html: string, tag: string, attributes = ''): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*${attributes}[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html);
  return match?.[1];
}
