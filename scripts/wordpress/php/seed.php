<?php
// (Re)creates the seed posts and comment thread; prints a JSON map of the ids. Run by ./seed.
// Usage: php seed.php SITE_DIR BASE_URL
[, $site, $base] = $argv;
$url = parse_url($base);
$_SERVER['HTTP_HOST'] = $url['host'] . ':' . $url['port'];
$_SERVER['SERVER_NAME'] = $url['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $site . '/wp-load.php';

const POST = 42, EMPTY_POST = 43, CLOSED_POST = 44, POSTING_POST = 45;
const EXTRA = 290; // extra comments on POST, a thread of over 300 for paging (WordPress serves 100 at most per request)
// Posts for <comment-count>: a page of 20 counts reads POST, EMPTY_POST, CLOSED_POST and these.
const COUNT_FIRST = 50, COUNT_LAST = 66;

// A rerun starts over: the seed posts go, with their comments, and the comment ids restart after the
// highest one left (on a site holding only seed data: 1, 2, 3 …, the same on every run).
foreach ([POST, EMPTY_POST, CLOSED_POST, POSTING_POST, ...range(COUNT_FIRST, COUNT_LAST)] as $id) {
    if (get_post($id)) {
        wp_delete_post($id, true);
    }
}
$GLOBALS['wpdb']->query("ALTER TABLE {$GLOBALS['wpdb']->comments} AUTO_INCREMENT = 1");

function post(int $id, string $title, string $date, string $body, string $comments = 'open'): int {
    $r = wp_insert_post(['import_id' => $id, 'post_title' => $title, 'post_name' => sanitize_title($title),
        'post_content' => $body, 'post_status' => 'publish', 'post_author' => 1, 'post_date' => $date,
        'comment_status' => $comments, 'ping_status' => 'closed'], true);
    if (is_wp_error($r) || $r !== $id) {
        fwrite(STDERR, "error: could not create post $id: " . (is_wp_error($r) ? $r->get_error_message() : "got id $r") . "\n");
        exit(1);
    }
    return $r;
}

$ids = [];
/**
 * Adds one comment the way WordPress stores it: wp_filter_comment() runs the same filters as a REST or
 * form submission (kses for anyone without unfiltered_html, rel="nofollow ugc" on links), then
 * wp_insert_comment(). $who: 'admin' (user 1, Sarah Anderson, the post's author: her HTML is not filtered)
 * or [name, email, url] for a guest. $date is the site's local time (timezone_string).
 */
function comment(string $key, ?string $parent, $who, string $date, string $content, int $approved = 1, int $post = POST): void {
    global $ids;
    wp_set_current_user($who === 'admin' ? 1 : 0); // fires kses_init(): filters on for guests only
    if ($who === 'admin') {
        $u = get_userdata(1);
        $who = [$u->display_name, $u->user_email, $u->user_url];
    }
    $data = [
        'comment_post_ID' => $post, 'comment_parent' => $parent ? $ids[$parent] : 0,
        'user_id' => get_current_user_id(), 'comment_author' => $who[0], 'comment_author_email' => $who[1],
        'comment_author_url' => $who[2], 'comment_content' => $content, 'comment_type' => 'comment',
        'comment_author_IP' => '127.0.0.1', 'comment_agent' => 'comment-thread seed',
        'comment_date' => $date, 'comment_date_gmt' => get_gmt_from_date($date), 'comment_approved' => $approved,
    ];
    // As WP_REST_Comments_Controller::create_item() does it.
    $ids[$key] = wp_insert_comment(wp_filter_comment(wp_slash($data)));
    wp_set_current_user(0);
}

post(POST, 'The Connection Between Human Trafficking and Terrorism', '2012-01-16 09:30:00',
    "<!-- wp:paragraph -->\n<p>Human trafficking and terrorism are two social and political issues that plague our society. Educating the public is not enough: public policy has to treat them as connected problems.</p>\n<!-- /wp:paragraph -->\n\n" .
    "<!-- wp:paragraph -->\n<p>In 2000 a nine-week study across Europe concluded that trafficking lets international criminals move into drugs, weapons and even piracy. I would like to hear your thoughts on how policy should respond.</p>\n<!-- /wp:paragraph -->");
post(EMPTY_POST, 'A post with no comments yet', '2013-05-01 10:00:00',
    "<!-- wp:paragraph -->\n<p>Nobody has commented here: the empty state.</p>\n<!-- /wp:paragraph -->");
post(CLOSED_POST, 'A post with comments closed', '2013-05-02 10:00:00',
    "<!-- wp:paragraph -->\n<p>Comments are closed here: POST /wp/v2/comments answers 403 rest_comment_closed.</p>\n<!-- /wp:paragraph -->", 'closed');
post(POSTING_POST, 'A post for posting tests', '2013-05-03 10:00:00',
    "<!-- wp:paragraph -->\n<p>Tests post comments and replies here, so the seeded thread of post 42 stays as it is.</p>\n<!-- /wp:paragraph -->");

$chris = ['christopher sims', 'christopher.sims@example.com', ''];
// The thread of the model page (reference/seed-page.txt), oldest first; texts paraphrased.
comment('michelle', null, ['Michelle', 'michelle@example.com', ''], '2012-01-20 15:30:00',
    "To play devil's advocate: if prostitution were legalized and regulated, wouldn't trafficking lose much of its market?");
comment('michelle-reply', 'michelle', 'admin', '2012-01-23 12:38:00',
    "I don't think so. Where prostitution has been legalized, demand has grown and traffickers have simply supplied it.");
comment('gerald', null, ['Gerald Kleyer', 'gerald.kleyer@example.org', 'http://gerald.example.org/'], '2012-06-10 09:00:00',
    "I am writing my Master's thesis on the connections between human trafficking, drug smuggling and terrorism. "
    . "<em>Shattered Innocence</em> was a good start; my notes are on <a href=\"http://gerald.example.org/thesis\">my thesis page</a>.");
comment('bernolet', null, ['Sarah Bernolet', 'sarah.bernolet@example.net', ''], '2012-11-23 18:55:00',
    "I am a master student working on this subject. Could you point me to articles or books about it?");
comment('chris', null, $chris, '2013-04-15 13:10:00',
    "I am researching the link between human trafficking and terrorism for my graduate thesis.\n\nAre there groups dedicated to this cause?");
comment('chris-reply', 'chris', 'admin', '2013-04-15 22:08:00',
    "There are many advocacy groups against trafficking, but I know of none that links terrorism and trafficking. Good luck with your dissertation!");
// Extras for tests: a reply chain 5 levels deep (WordPress's default thread_comments_depth) …
comment('depth3', 'chris-reply', $chris, '2013-04-16 08:15:00', "Thank you! Which sources would you start with?");
comment('depth4', 'depth3', 'admin', '2013-04-16 19:40:00', "Start with the Dolan study mentioned in the post.");
comment('depth5', 'depth4', $chris, '2013-04-17 09:05:00', "Found it, thanks again. (This reply is at depth 5.)");
// … a script injection, stored as WordPress stores it for a guest (kses strips it) and for an administrator
// (unfiltered_html: stored and rendered as written, so the widget must sanitize content.rendered) …
comment('xss-guest', null, ['Mallory', 'mallory@example.com', ''], '2013-04-18 10:00:00',
    'Nice post! <img src=x onerror=alert(1)><script>alert("guest")</script>');
// Each payload sets window.ctPwned, so a test can tell that nothing ran.
comment('xss-admin', 'xss-guest', 'admin', '2013-04-18 11:00:00',
    'An administrator may post raw HTML: <img src=x onerror="window.ctPwned=\'onerror\'"> '
    . '<b onmouseover="window.ctPwned=\'onmouseover\'">bold</b><script>window.ctPwned = \'script\';</script>');
// … and one held for moderation: the REST API never shows it to anonymous readers.
comment('pending', null, ['Pending Paula', 'paula@example.com', ''], '2013-04-19 11:00:00',
    "This comment waits for moderation and must not appear to anonymous readers.", 0);

// A comment to reply to on the posting tests' post.
comment('posting-root', null, $chris, '2013-05-04 10:00:00', "Reply to me: the posting tests answer this comment.", 1, POSTING_POST);

// Paging: EXTRA comments after the thread (2014 on, one hour apart); every tenth replies to the fifth
// before it, so some replies land on the page after their parent's.
wp_defer_comment_counting(true);
$start = strtotime('2014-01-01 08:00:00');
for ($i = 1; $i <= EXTRA; $i++) {
    comment("extra-$i", $i % 10 === 0 ? 'extra-' . ($i - 5) : null, ["Reader $i", "reader$i@example.com", ''],
        date('Y-m-d H:i:s', $start + $i * 3600), "Extra comment number $i, for paging.");
}
wp_defer_comment_counting(false);
$extras = array_filter($ids, fn ($key) => str_starts_with($key, 'extra-'), ARRAY_FILTER_USE_KEY);
$ids = array_diff_key($ids, $extras);

// Counts: post N gets (N * 7) % 11 approved comments (0 to 10, 82 in all: with the other counted posts, under one REST page) and one held, which no count includes.
$counts = [];
foreach (range(COUNT_FIRST, COUNT_LAST) as $n) {
    post($n, "Counted post $n", '2015-01-01 08:00:00', "A post for the comment counts.");
    for ($i = 1; $i <= ($n * 7) % 11; $i++) {
        comment("count-$n-$i", null, ["Counter $i", "counter$i@example.com", ''], '2015-01-02 08:00:00', "Count $i on post $n.", 1, $n);
    }
    comment("count-$n-held", null, ['Held', 'held@example.com', ''], '2015-01-02 09:00:00', "Held on post $n.", 0, $n);
}
$ids = array_filter($ids, fn ($key) => !str_starts_with($key, 'count-'), ARRAY_FILTER_USE_KEY);
foreach ([POST, EMPTY_POST, CLOSED_POST, ...range(COUNT_FIRST, COUNT_LAST)] as $n) {
    $counts[$n] = (int) get_comments(['post_id' => $n, 'status' => 'approve', 'type' => 'comment', 'count' => true]);
}

echo json_encode(['post' => POST, 'emptyPost' => EMPTY_POST, 'closedPost' => CLOSED_POST, 'postingPost' => POSTING_POST,
    'slug' => get_post(POST)->post_name, 'comments' => $ids,
    'extra' => ['count' => count($extras), 'first' => reset($extras), 'last' => end($extras)],
    // Approved comments per post, for <comment-count>: 20 posts.
    'counts' => $counts,
    // What an anonymous reader is served for POST: every approved comment.
    'approved' => (int) get_comments(['post_id' => POST, 'status' => 'approve', 'count' => true])],
    JSON_PRETTY_PRINT), "\n";
