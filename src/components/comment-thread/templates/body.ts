import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { sanitizeInto } from '../../../sanitize.js';

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
 * body rendered by templates cost three to six marker nodes a line) and owns none of its children.
 */
class Body extends Directive {
  private format?: string;
  private value?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('body() belongs on an element');
  }

  render(_format: 'html' | 'text', _value: string) {
    return nothing;
  }

  override update(part: ElementPart, [format, value]: ['html' | 'text', string]) {
    if (format === this.format && value === this.value) return noChange;
    this.format = format;
    this.value = value;
    if (format === 'text') {
      fillText(part.element, value);
      part.element.removeAttribute('aria-busy');
      return noChange;
    }
    const pending = sanitizeInto(part.element, value);
    if (pending) part.element.setAttribute('aria-busy', 'true');
    void pending?.then(() => part.element.removeAttribute('aria-busy'));
    return noChange;
  }
}

export const body = directive(Body);
