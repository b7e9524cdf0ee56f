/** Commands, buttons and events all arrive here in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** OAuth mode: the page that starts an install in a workspace. */
export const SLACK_INSTALL_PATH = '/slack/install';

/** OAuth mode: where Slack sends the installing browser back with the grant code. */
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** The message shortcut's callback id ("Explain this message"), as the manifest declares it. */
export const EXPLAIN_MESSAGE_CALLBACK = 'rb_explain_message';
