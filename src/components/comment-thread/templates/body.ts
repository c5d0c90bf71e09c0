import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Words } from '../../../i18n/words.js';
import { sanitizeInto } from '../../../sanitize.js';
import { fillText, PREVIEW_LENGTH } from './text.js';

export { PREVIEW_LENGTH };

/** Marks `element` busy until `pending` settles. */
function busy(element: Element, pending: void | Promise<void>) {
  if (!pending) return element.removeAttribute('aria-busy');
  element.setAttribute('aria-busy', 'true');
  void pending.finally(() => element.removeAttribute('aria-busy'));
}

/**
 * Fills the element it sits on with a comment's body: sanitized backend HTML through the one sanitize
 * seam, or text as paragraphs. An element directive, so Lit keeps no markers inside the body (a text
 * body rendered by templates cost three to six marker nodes a line) and owns none of its children. A
 * body longer than PREVIEW_LENGTH shows its beginning and "Show full comment" (long-body.ts).
 */
class Body extends Directive {
  private format?: 'html' | 'text';
  private value?: string;
  private words?: Words;
  /** The reader asked for the whole of this body. */
  private full = false;
  /** Counts fills: a preview that arrives after a newer fill is dropped. */
  private fills = 0;

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
    const format = this.format!;
    const value = this.value!;
    const fill = ++this.fills;
    if (!this.full && value.length > PREVIEW_LENGTH) {
      const showAll = (focused: boolean) => {
        this.full = true;
        this.fill(element);
        // The button is gone: the reader goes on from the comment's text, not from the top of the page.
        if (focused) {
          element.setAttribute('tabindex', '-1');
          (element as HTMLElement).focus({ preventScroll: true });
        }
      };
      const label = this.words!.text('showFullComment');
      return busy(
        element,
        import('./long-body.js').then(({ fillPreview }) => (fill === this.fills ? fillPreview(element, format, value, label, showAll) : undefined)),
      );
    }
    if (format === 'text') return busy(element, fillText(element, value));
    busy(element, sanitizeInto(element, value));
  }
}

export const body = directive(Body);
