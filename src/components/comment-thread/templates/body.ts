import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Words } from '../../../i18n/words.js';
import { sanitizeInto } from '../../../sanitize.js';

/**
 * Characters of a body shown until the reader asks for the rest ("Show full comment"): about 3,000
 * words, several screens. A comment is no article, and a backend can send anything: laying out one
 * 1 MB comment was a 200–400 ms task in Chromium 150, and sanitizing 1 MB of HTML takes as long. The
 * rest is sanitized and laid out when the reader asks for it.
 */
export const PREVIEW_LENGTH = 20_000;

/**
 * The first PREVIEW_LENGTH characters of `value` or about, cut where it does no harm: text at a space,
 * HTML before a tag or a character reference the cut would split (the sanitizer closes what is left
 * open: the cut part goes through the same policy as any body), never between two halves of a character.
 */
export function preview(format: 'html' | 'text', value: string): string {
  let end = PREVIEW_LENGTH;
  if (format === 'html') {
    const tag = value.lastIndexOf('<', end - 1);
    if (tag > value.lastIndexOf('>', end - 1)) end = tag;
    const reference = value.lastIndexOf('&', end - 1);
    if (reference > end - 12 && !value.slice(reference, end).includes(';')) end = reference;
  } else {
    const space = value.lastIndexOf(' ', end);
    if (space > end - 200) end = space;
  }
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end);
}

/** Text: one paragraph per blank-line-separated block, line breaks kept, every character as text. */
function fillText(element: Element, value: string): void {
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

/**
 * Fills the element it sits on with a comment's body: sanitized backend HTML through the one sanitize
 * seam, or text as paragraphs. An element directive, so Lit keeps no markers inside the body (a text
 * body rendered by templates cost three to six marker nodes a line) and owns none of its children. A
 * body longer than PREVIEW_LENGTH shows its beginning and a "Show full comment" button that shows the rest.
 */
class Body extends Directive {
  private format?: string;
  private value?: string;
  private words?: Words;
  /** The reader asked for the whole of this body. */
  private full = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('body() belongs on an element');
  }

  render(_format: 'html' | 'text', _value: string, _words: Words) {
    return nothing;
  }

  override update(part: ElementPart, [format, value, words]: ['html' | 'text', string, Words]) {
    if (format === this.format && value === this.value && (words === this.words || value.length <= PREVIEW_LENGTH)) return noChange;
    if (value !== this.value) this.full = false;
    this.format = format;
    this.value = value;
    this.words = words;
    this.fill(part.element);
    return noChange;
  }

  private fill(element: Element) {
    const format = this.format as 'html' | 'text';
    const value = this.value!;
    const cut = !this.full && value.length > PREVIEW_LENGTH;
    const shown = cut ? preview(format, value) : value;
    const more = () => {
      if (!cut) return;
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('part', 'show-full-button');
      button.textContent = this.words!.text('showFullComment');
      button.addEventListener('click', () => {
        const focused = (element.getRootNode() as ShadowRoot | Document).activeElement === button;
        this.full = true;
        this.fill(element);
        // The button is gone: the reader goes on from the comment's text, not from the top of the page.
        if (focused) {
          element.setAttribute('tabindex', '-1');
          (element as HTMLElement).focus({ preventScroll: true });
        }
      });
      const p = document.createElement('p');
      p.append(button);
      element.append(p);
    };
    if (format === 'text') {
      fillText(element, cut ? `${shown}…` : shown);
      element.removeAttribute('aria-busy');
      more();
      return;
    }
    const pending = sanitizeInto(element, shown);
    if (!pending) return more();
    element.setAttribute('aria-busy', 'true');
    void pending.then(() => {
      element.removeAttribute('aria-busy');
      more();
    });
  }
}

export const body = directive(Body);
