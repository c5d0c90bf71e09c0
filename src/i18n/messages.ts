/**
 * Every string the element shows, as data: a locale is one object of this shape in its own file, and a
 * site corrects any string through the element's `messages` property. `{name}`-style placeholders are
 * filled in by the element; a plural message has one form per `Intl.PluralRules` category its language
 * uses (`one`, `few`, `many`, `other` …), plus an optional exact `'0'` form ("No comments yet").
 */

/** A message that depends on a number: `{count}` in each form is that number, formatted for the locale. */
export interface PluralForms {
  /** Exactly zero, whatever the language's rules call it. */
  '0'?: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export interface Messages {
  /** Heading above the thread: `{count}`. */
  heading: PluralForms;
  skipToForm: string;
  loading: string;
  empty: string;
  loadError: string;
  retry: string;
  loadMore: string;
  loadingMore: string;
  reply: string;
  /** Reply form title: `{name}`. */
  replyTo: string;
  cancelReply: string;
  leaveReply: string;
  postAuthor: string;
  /** On replies shown past the depth cap: `{name}`. */
  inReplyTo: string;
  /** Under the beginning of a very long comment: shows the rest of it. */
  showFullComment: string;
  awaitingModeration: string;
  commentLabel: string;
  nameLabel: string;
  emailLabel: string;
  websiteLabel: string;
  consent: string;
  privacyNotice: string;
  requiredNotice: string;
  privacyPolicy: string;
  postComment: string;
  posting: string;
  /** `{name}`. */
  loggedInAs: string;
  commentsClosed: string;
  /** Honeypot label, read only by bots and screen readers that reach it. */
  honeypot: string;
  /** Read-only sources: where readers can answer instead, `{service}` ("Mastodon"). */
  replyOn: string;
  /** The actions row: copies the comment's link. */
  copyLink: string;
  linkCopied: string;
  /** A link to one comment (`#comment-123`) that the thread no longer has. */
  commentGone: string;
  /** Said to screen readers when a link to one comment brings it into view: `{name}` wrote it. */
  linkedComment: string;
  /** `<comment-count>`: `{count}` comments on a post. */
  count: PluralForms;
  /** A load that is taking long: said once while the element keeps trying. */
  stillTrying: string;
  contentRequired: string;
  nameRequired: string;
  emailRequired: string;
  emailInvalid: string;
  urlInvalid: string;
  /** Validation summary: `{count}` fields to correct. */
  fixErrors: PluralForms;
  commentPosted: string;
  commentPending: string;
  submitFailed: string;
  /** A submit faster than anyone types: nothing was sent. */
  tooFast: string;
  offline: string;
  /** `{count}` comments left out: malformed, or the same comment twice. */
  droppedComments: PluralForms;
  // What went wrong, whatever the backend: the element picks one from the error's code and reason.
  errorNetwork: string;
  errorTimeout: string;
  errorHttp: string;
  errorInvalid: string;
  /** `{name}`: the `backend` attribute's value. */
  errorUnknownBackend: string;
  /** The backend refused, for a reason it did not name. */
  refused: string;
  refusedDuplicate: string;
  refusedFlood: string;
  refusedClosed: string;
  refusedLogin: string;
  /** The backend takes comments only from its own site's pages. */
  refusedCrossOrigin: string;
  refusedAuthor: string;
  refusedContent: string;
  refusedPost: string;
  refusedCaptcha: string;
  refusedRateLimited: string;
  refusedSpam: string;
  /** The badge of a comment from another service in a merged thread: `{service}` ("on Mastodon"). */
  onService: string;
  /** Under a thread that takes Webmentions: where a reader answers instead of the form. */
  replyFromSite: string;
  /** Beside "Reply from your own site": what Webmention is, in one sentence. */
  webmentionHint: string;
  /** One source of a merged thread could not be loaded: `{source}` ("Bluesky"). */
  sourceFailed: string;
  /** The accessible name of the row of faces under the thread. */
  reactionsLabel: string;
  /** After the faces shown: `{count}` more people, read instead of "+N". */
  moreReactions: string;
  /** The post's likes on all its sources: `{count}`. */
  postLikes: PluralForms;
  /** The post's reposts (boosts) on all its sources: `{count}`. */
  postReposts: PluralForms;
  /** The like button; the count follows it ("Like 3"), and it is pressed once liked. */
  like: string;
  /** Likes counted by a service where they are given there: `{service}` ("Mastodon"). */
  likeOn: string;
  /** A like the backend refused, said before the reason. */
  likeFailed: string;
  edit: string;
  delete: string;
  /** Title of the form editing the visitor's own comment. */
  editComment: string;
  saveEdit: string;
  saving: string;
  cancelEdit: string;
  /** Asked inside the comment before deleting it; answered by `delete` or `keep`. */
  deleteConfirm: string;
  keep: string;
  /** In place of a deleted comment that has replies, and said when a comment is deleted. */
  commentDeleted: string;
  commentUpdated: string;
  editFailed: string;
  deleteFailed: string;
  /** The comment form's switch between writing and a preview of the rendered Markdown. */
  write: string;
  preview: string;
  /** Under the comment field of a backend that takes Markdown. */
  markdownHint: string;
  /** Under the comment field of a backend that keeps some HTML. */
  htmlHint: string;
  /** Checkbox, off by default, where the backend can email replies. */
  notifyReplies: string;
}

export const en: Messages = {
  heading: { '0': 'Comments', one: 'One comment', other: '{count} comments' },
  skipToForm: 'Skip to comment form',
  loading: 'Loading comments…',
  empty: 'No comments yet. Be the first to leave one.',
  loadError: 'The comments could not be loaded.',
  retry: 'Retry',
  loadMore: 'Load more comments',
  loadingMore: 'Loading more comments…',
  reply: 'Reply',
  replyTo: 'Reply to {name}',
  cancelReply: 'Cancel reply',
  leaveReply: 'Leave a Reply',
  postAuthor: 'Post author',
  inReplyTo: 'in reply to {name}',
  showFullComment: 'Show full comment',
  awaitingModeration: 'Your comment is awaiting moderation.',
  commentLabel: 'Comment',
  nameLabel: 'Name',
  emailLabel: 'Email',
  websiteLabel: 'Website',
  consent: 'Save my name, email, and website in this browser for the next time I comment.',
  privacyNotice: 'Your email address will not be published.',
  requiredNotice: 'Required fields are marked *',
  privacyPolicy: 'Learn how your comment data is processed.',
  postComment: 'Post Comment',
  posting: 'Posting…',
  loggedInAs: 'Logged in as {name}.',
  commentsClosed: 'Comments are closed.',
  honeypot: 'Leave this field empty',
  replyOn: 'Reply on {service}',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  commentGone: 'This comment is no longer available.',
  linkedComment: 'Showing the linked comment by {name}.',
  count: { '0': 'No comments yet', one: 'One comment', other: '{count} comments' },
  stillTrying: 'Still trying to reach the comment server…',
  contentRequired: 'Please type your comment.',
  nameRequired: 'Please enter your name.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  urlInvalid: 'Please enter a web address starting with http:// or https://.',
  fixErrors: { one: 'Please correct the field marked below.', other: 'Please correct the {count} fields marked below.' },
  commentPosted: 'Comment posted.',
  commentPending: 'Comment sent. It is awaiting moderation.',
  submitFailed: 'Your comment could not be posted. It is kept here: try again.',
  tooFast: 'Please take a moment before posting: try again in a few seconds. Your comment is kept here.',
  offline: 'You are offline. The comments will load when the connection is back.',
  droppedComments: {
    one: 'One comment could not be shown: the server sent it damaged.',
    other: '{count} comments could not be shown: the server sent them damaged.',
  },
  errorNetwork: 'The connection to the comment server failed.',
  errorTimeout: 'The comment server did not answer in time.',
  errorHttp: 'The comment server ran into an error.',
  errorInvalid: 'The comment server sent an answer this page cannot read.',
  errorUnknownBackend: 'No comment backend named “{name}” is available on this page.',
  refused: 'The site did not accept your comment.',
  refusedDuplicate: 'You have already posted this comment.',
  refusedFlood: 'You are posting comments too quickly. Please wait a moment.',
  refusedClosed: 'Comments are closed on this post.',
  refusedLogin: 'Please sign in to comment.',
  refusedCrossOrigin: 'Comments on this site cannot be posted from this page.',
  refusedAuthor: 'Please fill in your name and email address.',
  refusedContent: 'The site did not accept this comment as written.',
  refusedPost: 'This post does not take comments.',
  refusedCaptcha: 'The site asks for a check this form cannot show.',
  refusedRateLimited: 'Too many requests. Please try again in a moment.',
  refusedSpam: 'Your comment could not be posted. Please try again in a moment.',
  like: 'Like',
  likeOn: 'Like on {service}',
  likeFailed: 'Your like could not be saved.',
  edit: 'Edit',
  delete: 'Delete',
  editComment: 'Edit your comment',
  saveEdit: 'Save changes',
  saving: 'Saving…',
  cancelEdit: 'Cancel editing',
  deleteConfirm: 'Delete this comment?',
  keep: 'Keep',
  commentDeleted: 'Comment deleted.',
  commentUpdated: 'Comment updated.',
  editFailed: 'Your changes could not be saved. They are kept here.',
  deleteFailed: 'The comment could not be deleted.',
  write: 'Write',
  preview: 'Preview',
  markdownHint: 'Markdown works: **bold**, *italic*, [link](https://example.com), `code`, > quote.',
  htmlHint: 'Some HTML works: <a href="">, <em>, <strong>, <code>, <blockquote>.',
  notifyReplies: 'Notify me of follow-up comments by email.',
  onService: 'on {service}',
  replyFromSite: 'Reply from your own site',
  webmentionHint: 'With Webmention, a post on your own site that links to this page shows up here as a reply.',
  sourceFailed: 'Comments from {source} could not be loaded.',
  reactionsLabel: 'People who liked or reposted this',
  moreReactions: 'and {count} more',
  postLikes: { one: '{count} like', other: '{count} likes' },
  postReposts: { one: '{count} repost', other: '{count} reposts' },
};
