import type { Capabilities } from '../../../model/capabilities.js';
import type { Messages } from '../../../i18n/messages.js';
import type { DraftValues } from '../../../storage.js';
import type { Field } from '../field-rules.js';

/** One open form's state. `key` is 'top' or the id of the comment being answered. */
export interface FormState {
  key: string;
  parentId: string | null;
  values: DraftValues;
  consent: boolean;
  errors: Partial<Record<Field, string>>;
  submitting: boolean;
  /** A message above the fields: validation summary or the backend's refusal. */
  message?: string;
  /** When the form was shown, for the minimum fill time. */
  openedAt: number;
  /** Bumped on every change that must re-render the form. */
  version: number;
}

/** What templates need from the element: data, words and callbacks. No template keeps state. */
export interface View {
  messages: Messages;
  locale: string;
  now: number;
  /** `absolute`, `relative`, or `auto` (relative within a week). */
  dates: 'auto' | 'absolute' | 'relative';
  capabilities: Capabilities;
  replyTo: string | null;
  /** A comment just posted: it gets the arrival highlight. */
  arrived: string | null;
  privacyUrl: string | undefined;
  forms: ReadonlyMap<string, FormState>;
  onCancel(key: string): void;
  onSubmit(key: string, event: SubmitEvent): void;
  onInput(key: string, event: Event): void;
}
