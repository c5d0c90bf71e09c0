<?php
// Reads the test site through WordPress's own API, for tests that check what WordPress stored.
// Usage: php inspect.php SITE_DIR comment ID   one JSON line: {"status": approved|unapproved|spam|trash, "user": ID, "content": "…"}
//        php inspect.php SITE_DIR options      one JSON line: every option name in wp_options, sorted
[, $ct_site, $ct_what] = $argv;
$_SERVER['HTTP_HOST'] = parse_url(getenv('WP_HOME') ?: 'http://127.0.0.1', PHP_URL_HOST);
require $ct_site . '/wp-load.php';

if ($ct_what === 'comment') {
    $ct_comment = get_comment((int) ($argv[3] ?? 0));
    if (!$ct_comment) {
        echo json_encode(null), "\n";
        exit;
    }
    echo json_encode([
        'status' => wp_get_comment_status($ct_comment),
        'user' => (int) $ct_comment->user_id,
        'content' => $ct_comment->comment_content,
    ]), "\n";
} elseif ($ct_what === 'options') {
    global $wpdb;
    $ct_names = $wpdb->get_col("SELECT option_name FROM $wpdb->options ORDER BY option_name");
    echo json_encode($ct_names), "\n";
} else {
    fwrite(STDERR, "usage: php inspect.php SITE_DIR comment ID | options\n");
    exit(2);
}
