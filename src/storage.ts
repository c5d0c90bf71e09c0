/**
 * What the element keeps in the browser, each under its own rule:
 * - the visitor's identity (name, email, website) in localStorage, only when they tick the consent box;
 * - drafts of open forms in sessionStorage, so a reload or a failed submit loses nothing, and closing
 *   the tab forgets them;
 * - the visitor's own comments awaiting moderation in localStorage, so they still see them after a
 *   reload, until the backend lists them or 30 days pass.
 * Storage may be full, blocked or tampered with: every read is validated and every write may fail quietly.
 */
import * as z from 'zod/mini';
import { CommentSchema, recordOf, type Comment } from './model/schemas.js';

const PREFIX = 'comment-thread:';
const PENDING_TTL = 30 * 24 * 3600 * 1000;

function read<T extends z.core.$ZodType>(store: () => Storage, key: string, schema: T): z.infer<T> | undefined {
  try {
    const raw = store().getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed = z.safeParse(schema, JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function write(store: () => Storage, key: string, value: unknown): void {
  try {
    if (value === undefined) store().removeItem(PREFIX + key);
    else store().setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: keeping the value for this page view is all we can do.
  }
}

const local = () => localStorage;
const session = () => sessionStorage;

export const IdentitySchema = z.object({ name: z.string(), email: z.string(), url: z.string() });
export type Identity = z.infer<typeof IdentitySchema>;

export const loadIdentity = () => read(local, 'identity', IdentitySchema);
export const saveIdentity = (identity: Identity | undefined) => write(local, 'identity', identity);

export const DraftValuesSchema = z.object({
  content: z.string(),
  name: z.string(),
  email: z.string(),
  url: z.string(),
});
export type DraftValues = z.infer<typeof DraftValuesSchema>;

const DraftsSchema = z.object({
  /** The comment whose reply form is open, if any. */
  replyTo: z.nullable(z.string()),
  forms: recordOf(DraftValuesSchema),
});
export type Drafts = z.infer<typeof DraftsSchema>;

export const loadDrafts = (scope: string): Drafts =>
  read(session, `drafts:${scope}`, DraftsSchema) ?? { replyTo: null, forms: {} };
export const saveDrafts = (scope: string, drafts: Drafts) =>
  write(session, `drafts:${scope}`, Object.keys(drafts.forms).length || drafts.replyTo ? drafts : undefined);

const PendingSchema = z.array(z.object({ savedAt: z.number(), comment: CommentSchema }));

/** The visitor's comments awaiting moderation for this thread, minus those the backend now lists. */
export function loadPending(scope: string, listed: ReadonlySet<string>): Comment[] {
  const now = Date.now();
  const all = read(local, `pending:${scope}`, PendingSchema) ?? [];
  const kept = all.filter((p) => !listed.has(p.comment.id) && now - p.savedAt < PENDING_TTL);
  if (kept.length !== all.length) write(local, `pending:${scope}`, kept.length ? kept : undefined);
  return kept.map((p) => p.comment);
}

export function savePending(scope: string, comment: Comment): void {
  const all = read(local, `pending:${scope}`, PendingSchema) ?? [];
  write(local, `pending:${scope}`, [...all.filter((p) => p.comment.id !== comment.id), { savedAt: Date.now(), comment }]);
}
