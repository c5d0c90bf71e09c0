/** Registers `<comment-count>` alone, for pages that show counts and no thread (a blog's index). */
import { CommentCount } from './comment-count.js';

CommentCount.define();

export { CommentCount };
