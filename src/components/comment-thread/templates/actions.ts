/**
 * A comment's actions row: the one place that decides which actions a comment offers (from the
 * adapter's capabilities and the comment's state), and the directive that keeps the row's buttons.
 * Buttons carry `data-action`; the element handles every one of them with a single delegated listener.
 * Adding an action: a name in `ActionName`, a line in `actionsFor`, a handler in the element.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { windowOpen } from '../../../model/capabilities.js';
import type { Comment } from '../../../model/schemas.js';
import { isHttpUrl } from '../../../sanitize.js';
import type { ActionName, View } from './view.js';
import { serviceName } from './services.js';

/** One button of the row. */
export interface Action {
  name: ActionName;
  label: string;
  /** `aria-expanded`, for an action that opens something under the comment. */
  expanded?: boolean;
  /** `aria-controls`: the id of what it opened. */
  controls?: string;
  /** `aria-pressed`, for a toggle (Like). */
  pressed?: boolean;
  /** A link to act elsewhere (a like on Mastodon) rather than a button. */
  href?: string;
}

/** The actions `comment` offers, in the row's order. */
export function actionsFor(comment: Comment, domId: string, view: View): Action[] {
  const actions: Action[] = [];
  // A comment merged from another service (adapters/sources.ts) is answered there, not with the site's form.
  const origin = comment.origin && !comment.origin.site ? comment.origin : undefined;
  if (origin?.replyUrl && isHttpUrl(origin.replyUrl)) {
    const service = serviceName(origin.service);
    actions.push({ name: 'reply-there', label: view.words.text('replyOn', { service }), href: origin.replyUrl });
  } else if (!origin && view.capabilities.reply && comment.status !== 'pending') {
    const open = view.replyTo === comment.id;
    actions.push({ name: 'reply', label: view.words.text('reply'), expanded: open, ...(open ? { controls: `form-${domId}` } : {}) });
  }
  // A held comment has no public address yet, and nobody else can like it.
  if (comment.status === 'pending') return actions;
  const { capabilities: caps, words } = view;
  // The count is part of the button's name ("Like 3"), said with its pressed state.
  const count = comment.likes ? ` ${words.number(comment.likes)}` : '';
  // Another service's comment is liked there: the site's own Like, Edit and Delete act on the site's
  // comments only (its backend knows no other ids).
  const likedElsewhere = origin?.service ?? (caps.likes ? undefined : caps.likesReadOnly?.service);
  if (likedElsewhere) {
    if (comment.likeUrl && isHttpUrl(comment.likeUrl)) {
      const service = serviceName(likedElsewhere);
      actions.push({ name: 'like-link', label: `${words.text('likeOn', { service })}${count}`, href: comment.likeUrl });
    }
  } else if (caps.likes) actions.push({ name: 'like', label: `${words.text('like')}${count}`, pressed: view.own.liked(comment) });
  actions.push({ name: 'copy-link', label: words.text('copyLink') });
  if (origin) return actions;
  if (comment.own && windowOpen(caps.edit, comment.createdAt, view.now)) {
    const open = view.own.editing?.key === comment.id;
    actions.push({ name: 'edit', label: words.text('edit'), expanded: open, ...(open ? { controls: `form-${domId}-edit` } : {}) });
  }
  if (comment.own && windowOpen(caps.delete, comment.createdAt, view.now)) {
    const open = view.own.confirming === comment.id;
    actions.push({ name: 'delete', label: words.text('delete'), expanded: open, ...(open ? { controls: `${domId}-confirm` } : {}) });
  }
  return actions;
}

/** Sets (or, with null, removes) an attribute unless it already has that value. */
function set(element: Element, name: string, value: string | null) {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** Sets an attribute on a new element, where it has a value. */
function add(element: Element, name: string, value: string | null) {
  if (value !== null) element.setAttribute(name, value);
}

const blanks = new Map<string, HTMLElement>();

/**
 * The empty button (or link) of an action, to clone: a clone of one was a third of the time of making
 * each with its attributes anew, in every comment of a thousand.
 */
function blank(action: Action): HTMLElement {
  const key = `${action.name}${action.href ? ' link' : ''}`;
  let element = blanks.get(key);
  if (!element) {
    if (action.href) {
      // Opens the service's own page: no data-action, the element has nothing to do.
      element = document.createElement('a');
      element.setAttribute('rel', 'nofollow noopener external');
    } else {
      element = document.createElement('button');
      element.setAttribute('type', 'button');
      element.dataset.action = action.name;
    }
    // The part is the styling API (`reply-button`); `data-action` is what the element listens for.
    element.setAttribute('part', `${action.name}-button`);
    blanks.set(key, element);
  }
  return element;
}

/**
 * The row's buttons, made without a template each: a nested template instance per comment was a tenth of
 * the time a thousand comments take to render. Buttons are kept by action name and only what changed is
 * written, as Lit's own bindings do. A row with no action is hidden.
 */
class ActionsRow extends Directive {
  private readonly buttons = new Map<ActionName, HTMLElement>();

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
    let previous: HTMLElement | undefined;
    for (const action of actions) {
      let button = this.buttons.get(action.name);
      // A new button's attributes are all to write; a kept one's, only those that changed.
      const write = button ? set : add;
      if (!button) {
        button = blank(action).cloneNode() as HTMLElement;
        this.buttons.set(action.name, button);
      }
      if (button.previousElementSibling !== (previous ?? null) || button.parentElement !== row) {
        if (previous) previous.after(button);
        else row.prepend(button);
      }
      write(button, 'aria-expanded', action.expanded === undefined ? null : String(action.expanded));
      write(button, 'aria-controls', action.controls ?? null);
      write(button, 'aria-pressed', action.pressed === undefined ? null : String(action.pressed));
      if (action.href) write(button, 'href', action.href);
      write(button, 'aria-describedby', describedBy);
      if (button.textContent !== action.label) button.textContent = action.label;
      previous = button;
    }
    return noChange;
  }
}

export const actionsRow = directive(ActionsRow);
