<?php
/**
 * Plugin Name:       Comment Thread
 * Plugin URI:        https://www.npmjs.com/package/comment-thread
 * Description:       Turns your theme's comments into an accessible, threaded comment section that replies and loads in place. Readers without JavaScript and search engines keep seeing your theme's own comments and form.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       comment-thread
 *
 * @package CommentThread
 */

defined( 'ABSPATH' ) || exit;

define( 'COMMENT_THREAD_VERSION', '0.1.0' );
define( 'COMMENT_THREAD_FILE', __FILE__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/markup.php';
require_once __DIR__ . '/includes/json-ld.php';

add_action( 'admin_init', 'comment_thread_register_settings' );
add_action( 'wp_enqueue_scripts', 'comment_thread_enqueue' );
add_filter( 'script_loader_tag', 'comment_thread_module_tag', 10, 2 );
add_filter( 'comments_template', 'comment_thread_comments_template', 99 );
add_filter( 'render_block_core/comments', 'comment_thread_wrap_block', 10, 2 );
add_filter( 'render_block_core/post-comments', 'comment_thread_wrap_block', 10, 2 );
add_action( 'wp_footer', 'comment_thread_print_json_ld' );

/**
 * Whether this request shows a post whose comments the element enhances: a single post or page with
 * comments open. Elsewhere the theme's output is left exactly as it is.
 *
 * @return bool
 */
function comment_thread_applies() {
	return is_singular() && comments_open( get_queried_object_id() );
}

/**
 * Loads the element's script on the pages it enhances. A module: its chunks (the WordPress adapter, the
 * posting code, other languages) load only when needed, from the dist/ folder beside it.
 */
function comment_thread_enqueue() {
	if ( ! comment_thread_applies() ) {
		return;
	}
	wp_enqueue_script(
		'comment-thread',
		plugins_url( 'dist/comment-thread.js', COMMENT_THREAD_FILE ),
		array(),
		COMMENT_THREAD_VERSION,
		true
	);
}

/**
 * Adds type="module" to the element's script tag (WordPress 6.1 has no script modules API).
 *
 * @param string $tag    The script tag.
 * @param string $handle The script's handle.
 * @return string
 */
function comment_thread_module_tag( $tag, $handle ) {
	if ( 'comment-thread' !== $handle ) {
		return $tag;
	}
	return str_replace( '<script ', '<script type="module" ', $tag );
}
