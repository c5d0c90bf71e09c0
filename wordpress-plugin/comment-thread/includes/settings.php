<?php
/**
 * The plugin's settings: a section of Settings → Discussion, stored in one option.
 *
 * WordPress's options.php saves the Discussion screen: it checks the `discussion-options` nonce and the
 * `manage_options` capability before any value reaches the sanitize callback below.
 *
 * @package CommentThread
 */

defined( 'ABSPATH' ) || exit;

/** The option holding every setting of the plugin (deleted by uninstall.php). */
const COMMENT_THREAD_OPTION = 'comment_thread_settings';

/**
 * The settings a fresh install uses.
 *
 * @return array{theme: string, loading: string, privacy_url: string}
 */
function comment_thread_defaults() {
	return array(
		'theme'       => 'auto',
		'loading'     => 'lazy',
		'privacy_url' => '',
	);
}

/**
 * The settings in force, each one valid.
 *
 * @return array{theme: string, loading: string, privacy_url: string}
 */
function comment_thread_settings() {
	$saved = get_option( COMMENT_THREAD_OPTION, array() );
	return comment_thread_sanitize_settings( is_array( $saved ) ? $saved : array() );
}

/**
 * Keeps only known values: a theme of auto, light or dark; lazy or eager loading; an http(s) URL or none.
 *
 * @param mixed $input The submitted (or stored) settings.
 * @return array{theme: string, loading: string, privacy_url: string}
 */
function comment_thread_sanitize_settings( $input ) {
	$input    = is_array( $input ) ? $input : array();
	$defaults = comment_thread_defaults();
	$theme    = isset( $input['theme'] ) ? sanitize_key( $input['theme'] ) : $defaults['theme'];
	$loading  = isset( $input['loading'] ) ? sanitize_key( $input['loading'] ) : $defaults['loading'];
	$privacy  = isset( $input['privacy_url'] ) ? esc_url_raw( trim( (string) $input['privacy_url'] ), array( 'http', 'https' ) ) : '';
	return array(
		'theme'       => in_array( $theme, array( 'auto', 'light', 'dark' ), true ) ? $theme : $defaults['theme'],
		'loading'     => in_array( $loading, array( 'lazy', 'eager' ), true ) ? $loading : $defaults['loading'],
		'privacy_url' => $privacy,
	);
}

/**
 * Registers the option and its fields on the Discussion screen.
 */
function comment_thread_register_settings() {
	register_setting(
		'discussion',
		COMMENT_THREAD_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'comment_thread_sanitize_settings',
			'default'           => comment_thread_defaults(),
			'show_in_rest'      => false,
		)
	);
	add_settings_section(
		'comment_thread',
		__( 'Comment Thread', 'comment-thread' ),
		'comment_thread_section_intro',
		'discussion'
	);
	add_settings_field( 'comment_thread_theme', __( 'Colours', 'comment-thread' ), 'comment_thread_field_theme', 'discussion', 'comment_thread' );
	add_settings_field( 'comment_thread_loading', __( 'Loading', 'comment-thread' ), 'comment_thread_field_loading', 'discussion', 'comment_thread' );
	add_settings_field(
		'comment_thread_privacy_url',
		__( 'Privacy policy link', 'comment-thread' ),
		'comment_thread_field_privacy',
		'discussion',
		'comment_thread',
		array( 'label_for' => 'comment_thread_privacy_url' )
	);
}

/** The section's introduction. */
function comment_thread_section_intro() {
	echo '<p>' . esc_html__( 'How the enhanced comment section looks and loads. Nesting depth and order follow the settings above.', 'comment-thread' ) . '</p>';
}

/**
 * Radio buttons for one setting.
 *
 * @param string $key     The setting.
 * @param array  $choices Value => label.
 */
function comment_thread_radios( $key, $choices ) {
	$settings = comment_thread_settings();
	echo '<fieldset>';
	foreach ( $choices as $value => $label ) {
		printf(
			'<label><input type="radio" name="%1$s[%2$s]" value="%3$s"%4$s> %5$s</label><br>',
			esc_attr( COMMENT_THREAD_OPTION ),
			esc_attr( $key ),
			esc_attr( $value ),
			checked( $settings[ $key ], $value, false ),
			esc_html( $label )
		);
	}
	echo '</fieldset>';
}

/** The colours field. */
function comment_thread_field_theme() {
	comment_thread_radios(
		'theme',
		array(
			'auto'  => __( 'Follow the reader’s light or dark preference', 'comment-thread' ),
			'light' => __( 'Light', 'comment-thread' ),
			'dark'  => __( 'Dark', 'comment-thread' ),
		)
	);
}

/** The loading field. */
function comment_thread_field_loading() {
	comment_thread_radios(
		'loading',
		array(
			'lazy'  => __( 'When the reader scrolls near the comments', 'comment-thread' ),
			'eager' => __( 'As soon as the page loads', 'comment-thread' ),
		)
	);
}

/** The privacy link field: empty means the site's privacy policy page (Settings → Privacy). */
function comment_thread_field_privacy() {
	$settings = comment_thread_settings();
	printf(
		'<input type="url" class="regular-text code" id="comment_thread_privacy_url" name="%1$s[privacy_url]" value="%2$s" placeholder="%3$s">',
		esc_attr( COMMENT_THREAD_OPTION ),
		esc_attr( $settings['privacy_url'] ),
		esc_attr( get_privacy_policy_url() )
	);
	echo '<p class="description">' . esc_html__( 'Shown under the comment form. Leave empty to use the privacy policy page set under Settings → Privacy.', 'comment-thread' ) . '</p>';
}

/**
 * The privacy link in force: the setting, else WordPress's privacy policy page, else none.
 *
 * @return string
 */
function comment_thread_privacy_url() {
	$settings = comment_thread_settings();
	return '' !== $settings['privacy_url'] ? $settings['privacy_url'] : get_privacy_policy_url();
}
