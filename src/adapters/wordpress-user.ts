/**
 * Who is signed in to WordPress, and what WordPress lets them do with comments: the REST API's
 * `wp/v2/users/me` (`context=edit` carries the user's capabilities, for their own account only).
 */
import * as z from 'zod/mini';
import { recordOf } from '../model/schemas.js';

export const ME_FIELDS = 'id,name,capabilities';

export const WpMe = z.object({
  id: z.number(),
  name: z.string(),
  // `allcaps`: primitive capabilities (and role names) mapped to true or false.
  capabilities: z.optional(recordOf(z.boolean())),
});
export type WpMe = z.infer<typeof WpMe>;

/** The post whose comments are edited: its author and type, as far as the REST API told. */
export interface PostOwner {
  author?: number | undefined;
  type?: 'post' | 'page' | undefined;
}

/**
 * Whether WordPress lets `me` edit and trash comments on `post` through the REST API: its
 * `check_edit_permission()` allows `moderate_comments`, else the `edit_comment` meta capability, which
 * `map_meta_cap()` turns into `edit_post` on the comment's post (wp-includes/capabilities.php): for a
 * published post, `edit_published_posts` on one's own post, and `edit_others_posts` with it on anyone
 * else's. Readers only see comments of published posts. Without the post's author or type, nothing is
 * offered: the element shows an action only where WordPress would allow it.
 */
export function mayEditComments(me: WpMe, post: PostOwner): boolean {
  const can = (cap: string) => me.capabilities?.[cap] === true;
  if (can('moderate_comments')) return true;
  if (post.author === undefined || post.type === undefined) return false;
  const kind = post.type === 'page' ? 'pages' : 'posts';
  return can(`edit_published_${kind}`) && (post.author === me.id || can(`edit_others_${kind}`));
}
