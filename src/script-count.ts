/**
 * What the script-tag loader imports for a `<comment-count>` (a post list, say): the count element and
 * the adapter it asks, without the thread element's code.
 */
import './zod-jitless.js';

export { CommentCount } from './components/comment-count/define.js';
