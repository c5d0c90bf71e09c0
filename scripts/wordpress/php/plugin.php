<?php
// Installs the comment-thread WordPress plugin's folder into the test site and drives it through
// WordPress's own plugin API, as the Plugins screen would (no wp-cli in Debian 12).
// Usage: php plugin.php SITE_DIR activate|deactivate|uninstall [THEME]
// (Its variables have prefixes: wp-settings.php unsets a global $theme.)
//   activate    activate_plugin() (the folder must be in wp-content/plugins/comment-thread/)
//   deactivate  deactivate_plugins()
//   uninstall   deactivate, then uninstall_plugin() (runs the plugin's uninstall.php) and delete its files
//   THEME       also switch_theme() to it (twentytwentyone, twentytwentythree)
// Prints one JSON line: the active plugins, the theme, and whether the plugin's option exists.
[, $ct_site, $ct_action] = $argv;
$ct_theme = $argv[3] ?? '';
$_SERVER['HTTP_HOST'] = parse_url(getenv('WP_HOME') ?: 'http://127.0.0.1', PHP_URL_HOST);
define('WP_ADMIN', true);
require $ct_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

$plugin = 'comment-thread/comment-thread.php';
if ($ct_theme !== '') {
    if (!wp_get_theme($ct_theme)->exists()) {
        fwrite(STDERR, "no theme $ct_theme\n");
        exit(1);
    }
    switch_theme($ct_theme);
}
if ($ct_action === 'activate') {
    $result = activate_plugin($plugin);
    if (is_wp_error($result)) {
        fwrite(STDERR, $result->get_error_message() . "\n");
        exit(1);
    }
} elseif ($ct_action === 'deactivate' || $ct_action === 'uninstall') {
    deactivate_plugins($plugin);
    if ($ct_action === 'uninstall') {
        uninstall_plugin($plugin);
        // What delete_plugins() does after uninstalling, without its filesystem credentials screen.
        $dir = WP_PLUGIN_DIR . '/comment-thread';
        $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS), RecursiveIteratorIterator::CHILD_FIRST);
        foreach ($files as $file) {
            $file->isDir() ? rmdir($file->getPathname()) : unlink($file->getPathname());
        }
        rmdir($dir);
    }
}
wp_cache_flush();
echo json_encode([
    'active' => array_values((array) get_option('active_plugins', [])),
    'theme' => get_stylesheet(),
    'option' => get_option('comment_thread_settings', null) !== null,
]), "\n";
