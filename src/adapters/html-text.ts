/**
 * Backend text without a DOM: character references decoded and tags dropped by plain string work, so
 * adapters run anywhere `fetch` does (a worker, Node, a test without a page). What backends really send is
 * narrow: WordPress escapes names with `&amp;` `&#039;` and texturizes to numeric references (`&#8217;`),
 * Isso escapes with Python's `html.escape` (`&#x27;`), error pages use a few named ones (`&nbsp;`,
 * `&hellip;`). Never used to decide what is safe: bodies still go through the sanitizer.
 */

/** Named references backends and their error pages use; others are left as written. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', prime: '′',
  copy: '©', reg: '®', trade: '™', deg: '°', times: '×', divide: '÷', euro: '€', pound: '£', yen: '¥',
  cent: '¢', sect: '§', para: '¶', dagger: '†', Dagger: '‡', iexcl: '¡', iquest: '¿', larr: '←', rarr: '→',
};

/**
 * HTML's remapping of references to 0x80–0x9F (WHATWG HTML, "numeric character reference end state"):
 * text pasted from Windows-1252 writes `&#150;` for an en dash.
 */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80];
  // NUL, surrogates and values past Unicode become U+FFFD, as a browser decodes them.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([A-Za-z]{2,8}));/g;

/** Decodes character references in backend text meant as plain text (`Eve &amp; Mallet`, `&#8217;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number(decimal));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    return NAMED[name!] ?? whole;
  });
}

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
