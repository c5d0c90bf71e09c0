<?php
/**
 * The comments template a classic theme gets while the plugin is active: the theme's own, inside
 * <comment-thread>. Included by comments_template(), so the theme's template runs in the same scope.
 *
 * @package CommentThread
 */

defined( 'ABSPATH' ) || exit;

echo comment_thread_open( get_the_ID() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- every attribute is escaped where it is built.
require comment_thread_theme_template();
echo comment_thread_close(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- constant markup.
