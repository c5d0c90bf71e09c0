<?php
/**
 * Leaves the site as it was: the plugin's only option goes. Nothing else was stored.
 *
 * @package CommentThread
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'comment_thread_settings' );
