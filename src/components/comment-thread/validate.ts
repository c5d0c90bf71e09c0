/**
 * The form's values to a Draft, validated with zod. Which fields count depends on the adapter: a
 * backend may not want an email, or the visitor may be signed in.
 */
import * as z from 'zod/mini';
import type { Capabilities } from '../../model/capabilities.js';
import { DraftSchema, type Draft } from '../../model/draft.js';
import type { DraftValues } from '../../storage.js';
import { fieldRules } from './field-rules.js';
import type { Field, FieldErrorKey as Key } from './templates/view.js';

export type { Field } from './templates/view.js';

/** An address with a domain that has a dot: the HTML email input's rule, plus the dot (as zod's `email()`). */
const EMAIL_PATTERN = /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)+$/i;
const EMAIL = z.string().check(z.refine((value) => EMAIL_PATTERN.test(value)));
const WEB = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** A draft, or the message keys of what is wrong, field by field (in the form's order). */
export function validate(
  values: DraftValues,
  context: { postId: string; parentId: string | null; capabilities: Capabilities },
): { draft: Draft } | { errors: Partial<Record<Field, Key>> } {
  const rules = fieldRules(context.capabilities);
  const errors: Partial<Record<Field, Key>> = {};
  const content = values.content.trim();
  const name = values.name.trim();
  const email = values.email.trim();
  let url = values.url.trim();
  if (!content) errors.content = 'contentRequired';
  if (rules.name === 'required' && !name) errors.name = 'nameRequired';
  if (rules.email !== 'hidden') {
    if (!email) {
      if (rules.email === 'required') errors.email = 'emailRequired';
    } else if (!EMAIL.safeParse(email).success) {
      errors.email = 'emailInvalid';
    }
  }
  if (rules.url && url) {
    // As WordPress does: "example.org" means http://example.org.
    if (!/^[a-z][a-z\d+.-]*:/i.test(url)) url = `http://${url}`;
    if (!WEB.test(url)) errors.url = 'urlInvalid';
  }
  if (Object.keys(errors).length) return { errors };
  const draft = DraftSchema.parse({
    postId: context.postId,
    parentId: context.parentId,
    content,
    author: {
      name: rules.name === 'hidden' ? (context.capabilities.identity?.name ?? '') : name,
      email: rules.email === 'hidden' ? '' : email,
      ...(rules.url && url ? { url } : {}),
    },
  });
  return { draft };
}
