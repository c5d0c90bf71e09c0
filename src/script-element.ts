/**
 * What the script-tag loader imports for a `<comment-thread>`: registers it. zod is bundled into the
 * script-tag build, so its settings are this build's own and no host page's; the npm build's `./define`
 * leaves the app's zod as it is.
 */
import './zod-jitless.js';
import { CommentThread } from './components/comment-thread/comment-thread.js';

CommentThread.define();

export { CommentThread };
