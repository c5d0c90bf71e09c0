<?php
/**
 * The theme's comment section, wrapped in <comment-thread>: readers without JavaScript (and crawlers)
 * get the theme's own comments and form, unchanged; the element reads those comments as its first page
 * and makes no request for them.
 *
 * @package CommentThread
 */

defined( 'ABSPATH' ) || exit;

/**
 * The element's opening tag, with the Discussion settings and the plugin's own, and the marker the
 * element reads (data-comment-thread-page): how many comments the post has, and where the adapter's
 * next page starts.
 *
 * @param int $post_id The post.
 * @return string HTML, every value escaped.
 */
function comment_thread_open( $post_id ) {
	$settings  = comment_thread_settings();
	$threaded  = (bool) get_option( 'thread_comments' );
	$attrs     = array(
		'backend'     => 'wordpress',
		'endpoint'    => rest_url(),
		'post-id'     => (string) $post_id,
		'depth'       => (string) ( $threaded ? max( 1, (int) get_option( 'thread_comments_depth', 5 ) ) : 1 ),
		'order'       => 'desc' === get_option( 'comment_order' ) ? 'newest' : 'oldest',
		'loading'     => $settings['loading'],
		'privacy-url' => comment_thread_privacy_url(),
	);
	if ( 'auto' !== $settings['theme'] ) {
		$attrs['theme'] = $settings['theme'];
	}
	// Dates in the site's time zone, when it is a named one (an offset like UTC+2 is not an IANA zone).
	$zone = wp_timezone_string();
	if ( false !== strpos( $zone, '/' ) || 'UTC' === $zone ) {
		$attrs['time-zone'] = $zone;
	}
	// Signed-in visitors post as themselves through the REST API.
	if ( is_user_logged_in() ) {
		$attrs['wp-nonce'] = wp_create_nonce( 'wp_rest' );
	}
	$accent = comment_thread_accent();
	if ( '' !== $accent ) {
		$attrs['style'] = '--comment-thread-accent: ' . $accent;
	}
	$html = '<comment-thread';
	foreach ( $attrs as $name => $value ) {
		if ( '' === $value ) {
			continue;
		}
		$escaped = in_array( $name, array( 'endpoint', 'privacy-url' ), true ) ? esc_url( $value ) : esc_attr( $value );
		$html   .= ' ' . $name . '="' . $escaped . '"';
	}
	$total = (int) get_comments_number( $post_id );
	$html .= '><div data-comment-thread-page data-total="' . esc_attr( (string) $total ) . '"';
	// The theme shows every comment unless comments are broken into pages. Then its page holds whole
	// threads while the REST API pages by date: the element starts again from REST page 1, and skips
	// the comments it already shows.
	if ( get_option( 'page_comments' ) && $total > (int) get_option( 'comments_per_page' ) ) {
		$html .= ' data-cursor="1"';
	}
	return $html . '>';
}

/**
 * The element's links and buttons in a blue that stays readable (WCAG's 4.5:1) on the theme's own
 * background colour: Twenty Twenty-One's default #d1e4dd gives the element's #2271b1 only 3.9:1. Empty
 * when the theme sets no background colour, or the element's default already reads well on it.
 *
 * @return string A hex colour, or ''.
 */
function comment_thread_accent() {
	$background = sanitize_hex_color_no_hash( (string) get_background_color() );
	if ( ! $background || 6 !== strlen( $background ) ) {
		return '';
	}
	// WordPress's own blues, from the element's default to darker ones.
	foreach ( array( '2271b1', '135e96', '0a4b78' ) as $index => $blue ) {
		if ( comment_thread_contrast( $blue, $background ) >= 4.5 ) {
			return 0 === $index ? '' : '#' . $blue;
		}
	}
	return '';
}

/**
 * The contrast ratio of two colours (WCAG 2's relative luminance).
 *
 * @param string $a A hex colour without '#', 6 digits.
 * @param string $b Another.
 * @return float
 */
function comment_thread_contrast( $a, $b ) {
	$luminance = function ( $hex ) {
		$channels = array_map(
			function ( $pair ) {
				$c = hexdec( $pair ) / 255;
				return $c <= 0.03928 ? $c / 12.92 : pow( ( $c + 0.055 ) / 1.055, 2.4 );
			},
			str_split( $hex, 2 )
		);
		return 0.2126 * $channels[0] + 0.7152 * $channels[1] + 0.0722 * $channels[2];
	};
	$l = array( $luminance( $a ), $luminance( $b ) );
	return ( max( $l ) + 0.05 ) / ( min( $l ) + 0.05 );
}

/**
 * The closing tags.
 *
 * @return string
 */
function comment_thread_close() {
	return '</div></comment-thread>';
}

/**
 * The theme's comments template, remembered so that the wrapper can include it.
 *
 * @param string|null $path Set it (from the comments_template filter), or read it.
 * @return string
 */
function comment_thread_theme_template( $path = null ) {
	static $theme = '';
	if ( null !== $path ) {
		$theme = $path;
	}
	return $theme;
}

/**
 * Classic themes: comments_template() loads the wrapper, which loads the theme's template inside it.
 *
 * @param string $path The theme's comments template.
 * @return string
 */
function comment_thread_comments_template( $path ) {
	if ( ! comment_thread_applies() || get_the_ID() !== get_queried_object_id() || ! is_readable( $path ) ) {
		return $path;
	}
	comment_thread_theme_template( $path );
	return __DIR__ . '/comments-template.php';
}

/**
 * Block themes: the core/comments block's output, wrapped.
 *
 * @param string        $content The block's HTML.
 * @param array         $block   The parsed block.
 * @param WP_Block|null $instance The block instance, whose context names the post.
 * @return string
 */
function comment_thread_wrap_block( $content, $block, $instance = null ) {
	$post_id = ( $instance instanceof WP_Block && isset( $instance->context['postId'] ) ) ? (int) $instance->context['postId'] : get_the_ID();
	// Wrapped once: a block in legacy mode renders the theme's comments.php, already wrapped.
	if ( ! comment_thread_applies() || get_queried_object_id() !== $post_id || '' === trim( $content ) || false !== strpos( $content, '<comment-thread' ) ) {
		return $content;
	}
	return comment_thread_open( $post_id ) . $content . comment_thread_close();
}
