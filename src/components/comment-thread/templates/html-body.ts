import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { sanitizeInto } from '../../../sanitize.js';

/**
 * Fills the element it sits on with sanitized backend HTML, through the one sanitize seam. An element
 * directive, so Lit keeps no markers inside the body and the sanitizer owns its children entirely.
 */
class HtmlBody extends Directive {
  private last?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('htmlBody() belongs on an element');
  }

  render(_html: string) {
    return nothing;
  }

  override update(part: ElementPart, [html]: [string]) {
    if (html === this.last) return noChange;
    this.last = html;
    const pending = sanitizeInto(part.element, html);
    if (pending) part.element.setAttribute('aria-busy', 'true');
    void pending?.then(() => part.element.removeAttribute('aria-busy'));
    return noChange;
  }
}

export const htmlBody = directive(HtmlBody);
