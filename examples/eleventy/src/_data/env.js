/* global process -- Node's */
// Where the element posts and loads later pages: the same server the build read from.
export default { api: process.env.COMMENTS_API };
