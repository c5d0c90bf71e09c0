<?php
// Installs WordPress into SITE_DIR once, then applies this toolkit's settings (on every ./start) and prints
// the switches in force on stderr as one line: "settings: WP_MODERATION=… WP_ANONYMOUS=… …".
// Usage: php setup.php SITE_DIR BASE_URL STATE_DIR   (switches come from WP_* environment variables)
[, $site, $base, $state] = $argv;
$url = parse_url($base);
$_SERVER['HTTP_HOST'] = $url['host'] . ':' . $url['port'];
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['SERVER_PORT'] = $url['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true); // lets wp-load.php run before the tables exist
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (!is_blog_installed()) {
    // The administrator is the blog's author: her replies carry user_id 1, like the post.
    wp_install('comment-thread test blog', 'admin', 'sarah.anderson@example.com', false, '', 'admin-password');
    wp_update_user(['ID' => 1, 'display_name' => 'Sarah Anderson', 'nickname' => 'Sarah Anderson',
                    'first_name' => 'Sarah', 'last_name' => 'Anderson']);
    foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $p) {
        wp_delete_post($p->ID, true); // "Hello world!", its comment, the sample and privacy pages
    }
    // An application password, so tests can act as the administrator over HTTP (Basic auth).
    [$password] = WP_Application_Passwords::create_new_application_password(1, ['name' => 'comment-thread tests']);
    file_put_contents("$state/admin-app-password", $password . "\n");
    // A visitor with an account (no moderation rights), for the logged-in commenter's path.
    wp_insert_user(['user_login' => 'reader', 'user_pass' => 'reader-password', 'user_email' => 'rita.reader@example.com',
                    'display_name' => 'Reader Rita', 'nickname' => 'Reader Rita', 'role' => 'subscriber']);
    fwrite(STDERR, "installed WordPress " . get_bloginfo('version') . " (admin / admin-password)\n");
}

// The discussion settings of a default WordPress blog, applied on every start.
$settings = [
    'blogdescription'              => 'A real WordPress for comment-thread tests',
    'default_comment_status'       => 'open',
    'require_name_email'           => 1,
    'comment_registration'         => 0,
    'close_comments_for_old_posts' => 0,
    'thread_comments'              => 1,
    'thread_comments_depth'        => 5,
    'page_comments'                => 0,
    'comment_order'                => 'asc',
    'comment_moderation'           => 0,
    'comment_previously_approved'  => 1,
    'comment_max_links'            => 2,
    'show_avatars'                 => 1,
    'comments_notify'              => 0, // no mail server here
    'moderation_notify'            => 0,
];
foreach ($settings as $name => $value) {
    update_option($name, $value);
}

// The switches: set from the environment where a variable is given, else kept as they are (the defaults
// below on a new site).
$switches = [ // variable => [option, default, what a value must match]
    'WP_MODERATION'    => ['ct_moderation', 'wordpress', '/^(wordpress|approve|hold)$/'],
    'WP_ANONYMOUS'     => ['ct_anonymous', '1', '/^[01]$/'],
    'WP_CORS'          => ['ct_cors', 'loopback', '/^(loopback|any|none)$/'],
    'WP_FLOOD_SECONDS' => ['ct_flood_seconds', '15', '/^\d+$/'],
    'WP_TIMEZONE'      => ['timezone_string', 'America/New_York', null], // a PHP timezone name, e.g. UTC
    'WP_PERMALINKS'    => ['ct_permalinks', 'pretty', '/^(pretty|plain)$/'],
];
$now = [];
foreach ($switches as $var => [$option, $default, $pattern]) {
    $value = (string) getenv($var);
    if ($value === '') {
        $value = (string) get_option($option, '');
        $value = $value === '' ? $default : $value;
    } elseif ($pattern ? !preg_match($pattern, $value) : !in_array($value, timezone_identifiers_list(), true)) {
        fwrite(STDERR, "error: $var='$value' is not allowed (" . ($pattern ?? 'a PHP timezone name') . ")\n");
        exit(2);
    }
    update_option($option, $value);
    if ($var === 'WP_FLOOD_SECONDS' && (int) getenv($var) > 0) {
        // Only comments from now on count as a flood. Dates have whole seconds: start at the next one,
        // so a comment made earlier in this second cannot count.
        $since = time() + 1;
        time_sleep_until($since);
        update_option('ct_flood_since', $since);
    }
    $now[] = "$var=$value";
}
// Pretty permalinks (/%postname%/, /wp-json/) or WordPress's plain ones (?p=42, ?rest_route=/).
$structure = get_option('ct_permalinks') === 'plain' ? '' : '/%postname%/';
if (get_option('permalink_structure') !== $structure) {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure($structure);
    flush_rewrite_rules(false); // rules in the database only: the router needs no .htaccess
}
fwrite(STDERR, 'settings: ' . implode(' ', $now) . "\n");
