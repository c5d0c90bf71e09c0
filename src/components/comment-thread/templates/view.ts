import type { Words } from '../../../i18n/words.js';
import type { Capabilities } from '../../../model/capabilities.js';
import type { CommentThreadError } from '../../../model/errors.js';
import type { Comment } from '../../../model/schemas.js';
import type { DraftValues } from '../../../storage.js';

export type Field = 'content' | 'name' | 'email' | 'url';
export type FieldErrorKey = 'contentRequired' | 'nameRequired' | 'emailRequired' | 'emailInvalid' | 'urlInvalid';

/** What the form says above its fields: nothing, the fields to correct, or why the last submit failed. */
export type FormProblem = { kind: 'invalid'; count: number } | { kind: 'error'; error: CommentThreadError };

/** One open form's state. `key` is 'top' or the id of the comment being answered. */
export interface FormState {
  key: string;
  parentId: string | null;
  values: DraftValues;
  consent: boolean;
  /** Message keys, not words: a change of language re-words them. */
  errors: Partial<Record<Field, FieldErrorKey>>;
  problem?: FormProblem;
  submitting: boolean;
  /** When the form was shown, for the minimum fill time. */
  openedAt: number;
  /** Bumped on every change that must re-render the form. */
  version: number;
  /** The last draft sent and its idempotency key: a retry of the same draft reuses the key. */
  attempt?: { draft: string; key: string };
  /** "Notify me of follow-up comments", where the backend can email (`capabilities.notify`). */
  notify?: boolean;
}

/** Likes, edits, deletes and previews of this page view (interactions-controller.ts), as templates read them. */
export interface OwnView {
  /** The comment as this page view knows it: edited, deleted, its likes. Cheap for an untouched comment. */
  comment(comment: Comment): Comment;
  /** Gone from the thread (deleted with no replies). */
  removed(id: string): boolean;
  liked(comment: Comment): boolean;
  /** Bumped whenever a comment under the top-level comment `id` changed here. */
  version(rootId: string): number;
  /** The comment being edited, and its form. */
  editing: FormState | undefined;
  /** The comment whose deletion waits for "Delete" or "Keep". */
  confirming: string | null;
  /** A form's preview: shown, and its rendered HTML once ready. */
  preview(key: string): { html: string | undefined } | undefined;
  /** Under a comment: its edit form or the delete question (templates/own.ts). */
  panel(comment: Comment, domId: string, view: View): unknown;
  /** Under a form's comment field: Write / Preview and the syntax hint (templates/preview.ts). */
  formatTools(key: string, prefix: string, view: View): unknown;
  /** The id of that hint, for the field's `aria-describedby`. */
  hintId(view: View, prefix: string): string | undefined;
  onPreview: (key: string, open: boolean, content: string) => void;
  onEditInput: (event: Event) => void;
  onEditSubmit: (event: SubmitEvent) => void;
  onEditCancel: () => void;
  onDelete: () => void;
  onKeep: () => void;
}

/** The actions a comment's row may hold; which ones a comment shows is decided in templates/actions.ts. */
export type ActionName = 'reply' | 'reply-there' | 'copy-link' | 'like' | 'like-link' | 'edit' | 'delete';

/** What templates need from the element: data, words and callbacks. No template keeps state. */
export interface View {
  words: Words;
  now: number;
  capabilities: Capabilities;
  replyTo: string | null;
  /** A comment just posted: it gets the arrival highlight. */
  arrived: string | null;
  privacyUrl: string | undefined;
  forms: ReadonlyMap<string, FormState>;
  onCancel(key: string): void;
  onSubmit(key: string, event: SubmitEvent): void;
  onInput(key: string, event: Event): void;
  own: OwnView;
}
