/**
 * Character references in backend text meant as plain text (a name, a title), decoded by plain string
 * work, so adapters run anywhere `fetch` does. A module of its own: a WordPress page's first load needs
 * only this, not the tag stripping of `html-text.ts`, which error pages and the classic form's answers need.
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
