/** A comment's text, and how much of it shows at first (body.ts, long-body.ts). */

/**
 * Characters of a body shown until the reader asks for the rest ("Show full comment", long-body.ts):
 * about 3,000 words, several screens. A comment is no article, and a backend can send anything: laying
 * out one 1 MB comment was a 200–400 ms task in Chromium 150, and sanitizing 1 MB of HTML takes as long.
 */
export const PREVIEW_LENGTH = 20_000;

/** Text: one paragraph per blank-line-separated block, line breaks kept, every character as text. */
export function fillText(element: Element, value: string): void {
  element.replaceChildren(
    ...value
      .trim()
      .split(/\n\s*\n/)
      .map((paragraph) => {
        const p = document.createElement('p');
        paragraph.split('\n').forEach((line, i) => (i ? p.append(document.createElement('br'), line) : p.append(line)));
        return p;
      }),
  );
}
