/**
 * A comment's actions row: the one place that decides which actions a comment offers (from the
 * adapter's capabilities and the comment's state), and the directive that keeps the row's buttons.
 * Buttons carry `data-action`; the element handles every one of them with a single delegated listener.
 * Adding an action: a name in `ActionName`, a line in `actionsFor`, a handler in the element.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { Comment } from '../../../model/schemas.js';
import type { ActionName, View } from './view.js';

/** One button of the row. */
export interface Action {
  name: ActionName;
  label: string;
  /** `aria-expanded`, for an action that opens something under the comment. */
  expanded?: boolean;
  /** `aria-controls`: the id of what it opened. */
  controls?: string;
}

/** The actions `comment` offers, in the row's order. */
export function actionsFor(comment: Comment, domId: string, view: View): Action[] {
  const actions: Action[] = [];
  if (view.capabilities.reply && comment.status !== 'pending') {
    const open = view.replyTo === comment.id;
    actions.push({ name: 'reply', label: view.words.text('reply'), expanded: open, ...(open ? { controls: `form-${domId}` } : {}) });
  }
  // A held comment has no public address yet.
  if (comment.status !== 'pending') actions.push({ name: 'copy-link', label: view.words.text('copyLink') });
  return actions;
}

/** Sets (or, with null, removes) an attribute unless it already has that value. */
function set(element: Element, name: string, value: string | null) {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * The row's buttons, made without a template each: a nested template instance per comment was a tenth of
 * the time a thousand comments take to render. Buttons are kept by action name and only what changed is
 * written, as Lit's own bindings do. A row with no action is hidden.
 */
class ActionsRow extends Directive {
  private readonly buttons = new Map<ActionName, HTMLButtonElement>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('actionsRow() belongs on an element');
  }

  render(_actions: readonly Action[], _describedBy: string) {
    return nothing;
  }

  override update(part: ElementPart, [actions, describedBy]: [readonly Action[], string]) {
    const row = part.element as HTMLElement;
    const empty = actions.length === 0;
    if (row.hidden !== empty) row.hidden = empty;
    for (const [name, button] of this.buttons) {
      if (!actions.some((a) => a.name === name)) {
        button.remove();
        this.buttons.delete(name);
      }
    }
    let previous: HTMLButtonElement | undefined;
    for (const action of actions) {
      let button = this.buttons.get(action.name);
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.dataset.action = action.name;
        // The part is the styling API (`reply-button`); `data-action` is what the element listens for.
        button.setAttribute('part', `${action.name}-button`);
        this.buttons.set(action.name, button);
      }
      if (button.previousElementSibling !== (previous ?? null) || button.parentElement !== row) {
        if (previous) previous.after(button);
        else row.prepend(button);
      }
      set(button, 'aria-expanded', action.expanded === undefined ? null : String(action.expanded));
      set(button, 'aria-controls', action.controls ?? null);
      set(button, 'aria-describedby', describedBy);
      if (button.textContent !== action.label) button.textContent = action.label;
      previous = button;
    }
    return noChange;
  }
}

export const actionsRow = directive(ActionsRow);
