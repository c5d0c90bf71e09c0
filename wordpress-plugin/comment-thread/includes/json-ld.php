<?php
/**
 * schema.org JSON-LD for the post and its approved comments, in the page's footer: what search engines
 * read of the discussion, whatever the theme's markup.
 *
 * @package CommentThread
 */

defined( 'ABSPATH' ) || exit;

/** At most this many comments are described: the script is part of every page view. */
const COMMENT_THREAD_JSON_LD_MAX = 500;

/**
 * A comment's text: tags removed, entities decoded (JSON carries the characters themselves).
 *
 * @param string $html The stored comment.
 * @return string
 */
function comment_thread_plain_text( $html ) {
	return trim( html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
}

/**
 * The post with its approved comments, replies naming their parentItem.
 *
 * @param WP_Post $post The post.
 * @return array
 */
function comment_thread_json_ld( $post ) {
	$comments = get_comments(
		array(
			'post_id' => $post->ID,
			'status'  => 'approve',
			'type'    => 'comment',
			'orderby' => 'comment_date_gmt',
			'order'   => 'ASC',
			'number'  => COMMENT_THREAD_JSON_LD_MAX,
		)
	);
	$links    = array();
	foreach ( $comments as $comment ) {
		$links[ (int) $comment->comment_ID ] = get_comment_link( $comment );
	}
	$items = array();
	foreach ( $comments as $comment ) {
		$author = array(
			'@type' => 'Person',
			'name'  => comment_thread_plain_text( get_comment_author( $comment ) ),
		);
		$url    = get_comment_author_url( $comment );
		if ( $url && wp_http_validate_url( $url ) ) {
			$author['url'] = $url;
		}
		$date = gmdate( 'c', strtotime( $comment->comment_date_gmt . ' +0000' ) );
		$item = array(
			'@type'         => 'Comment',
			'@id'           => $links[ (int) $comment->comment_ID ],
			'url'           => $links[ (int) $comment->comment_ID ],
			'author'        => $author,
			'dateCreated'   => $date,
			'datePublished' => $date,
			'text'          => comment_thread_plain_text( $comment->comment_content ),
		);
		$parent = (int) $comment->comment_parent;
		if ( $parent && isset( $links[ $parent ] ) ) {
			$item['parentItem'] = array( '@id' => $links[ $parent ] );
		}
		$items[] = $item;
	}
	/**
	 * The schema.org type of the post: BlogPosting, or DiscussionForumPosting for a forum.
	 *
	 * @param string  $type The type.
	 * @param WP_Post $post The post.
	 */
	$type = apply_filters( 'comment_thread_json_ld_type', 'BlogPosting', $post );
	return array(
		'@context'      => 'https://schema.org',
		'@type'         => 'DiscussionForumPosting' === $type ? $type : 'BlogPosting',
		'@id'           => get_permalink( $post ),
		'url'           => get_permalink( $post ),
		'headline'      => comment_thread_plain_text( get_the_title( $post ) ),
		'author'        => array(
			'@type' => 'Person',
			'name'  => get_the_author_meta( 'display_name', (int) $post->post_author ),
		),
		'datePublished' => get_post_time( 'c', true, $post ),
		'commentCount'  => (int) get_comments_number( $post ),
		'comment'       => $items,
	);
}

/** Prints the JSON-LD on a single post or page that has approved comments. */
function comment_thread_print_json_ld() {
	if ( ! is_singular() ) {
		return;
	}
	$post = get_queried_object();
	if ( ! $post instanceof WP_Post || (int) get_comments_number( $post ) < 1 ) {
		return;
	}
	// JSON_HEX_TAG: no "<" in the script, so no comment can close it.
	$json = wp_json_encode( comment_thread_json_ld( $post ), JSON_HEX_TAG | JSON_HEX_AMP | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	if ( $json ) {
		echo '<script type="application/ld+json">' . $json . "</script>\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON with <, > and & escaped.
	}
}
