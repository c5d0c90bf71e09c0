/**
 * The beginning of a very long comment and its "Show full comment" button: a chunk of its own, loaded
 * only for a body longer than PREVIEW_LENGTH (body.ts), which no real thread has. The rest of the body
 * is sanitized and laid out when the reader asks for it.
 */
import { sanitizeInto } from '../../../sanitize.js';
import { fillText, PREVIEW_LENGTH } from './text.js';

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

/**
 * Fills `element` with the beginning of the body and a button labelled `label`; `showAll` is called when
 * the reader presses it, and gets whether the button had the focus.
 */
export async function fillPreview(
  element: Element,
  format: 'html' | 'text',
  value: string,
  label: string,
  showAll: (focused: boolean) => void,
): Promise<void> {
  const shown = preview(format, value);
  if (format === 'text') fillText(element, `${shown}…`);
  else await sanitizeInto(element, shown);
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('part', 'show-full-button');
  button.textContent = label;
  button.addEventListener('click', () => showAll((element.getRootNode() as ShadowRoot | Document).activeElement === button));
  const p = document.createElement('p');
  p.append(button);
  element.append(p);
}
