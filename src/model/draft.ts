/**
 * What a visitor submits, as the form hands it to an adapter. Apart from the model the element reads,
 * so its schema loads with the submit path, not with every page.
 */
import * as z from 'zod/mini';

/** What a visitor submits, after the form validated (and trimmed) it. */
export const DraftSchema = z.object({
  /** Empty for a thread without `post-id` (the page's own thread, on backends that need no id). */
  postId: z.string(),
  parentId: z.nullable(z.string()),
  content: z.string().check(z.refine((value) => value.trim() !== '', 'expected a comment')),
  author: z.object({
    name: z.string(),
    email: z.string(),
    url: z.optional(z.string()),
  }),
  /** Email the author about replies, where the backend can (`capabilities.notify`). */
  notify: z.optional(z.boolean()),
});
export type Draft = z.infer<typeof DraftSchema>;
