/**
 * The script-tag build's entry (dist/comment-thread.js). zod is bundled into it, so its settings are this
 * build's own and no host page's; the npm build's `./define` leaves the app's zod as it is.
 */
import './zod-jitless.js';

export * from './define.js';
