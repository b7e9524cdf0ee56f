import { BOT_DISPLAY_NAME } from './slack-texts.ts';
import { SLACK_INSTALL_PATH } from './slack-paths.ts';

/** The browser pages of the OAuth install flow: plain HTML, no scripts, nothing fetched from elsewhere. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}a.button{display:inline-block;padding:.6rem 1.2rem;background:#1d3557;color:#fff;border-radius:6px;text-decoration:none}</style>',
    `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  ].join('\n');
}

/** GET /slack/install: what is being installed, and the link to Slack's consent screen. */
export function installPage(authorizeUrl: string): string {
  return page(
    `Add ${BOT_DISPLAY_NAME} to Slack`,
    `<p>${escapeHtml(BOT_DISPLAY_NAME)} answers whether US small caps are beating large caps, with the numbers and a chart, and can post a morning brief to a channel.</p>` +
      `<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>`,
  );
}

/** After a successful install. */
export function installedPage(workspaceName: string | undefined): string {
  const where = workspaceName ? ` in ${escapeHtml(workspaceName)}` : '';
  return page(
    `${BOT_DISPLAY_NAME} is installed`,
    `<p>${escapeHtml(BOT_DISPLAY_NAME)} is installed${where}. Try <code>/smallcaps ytd</code> in any channel, and invite it with <code>/invite @${escapeHtml(BOT_DISPLAY_NAME)}</code> where it should post charts.</p>`,
  );
}

/** Failure codes of @slack/oauth that the visitor can fix by starting again. */
const START_AGAIN = new Set(['slack_oauth_missing_state', 'slack_oauth_invalid_state', 'slack_oauth_missing_code']);
const CANCELLED = 'slack_oauth_installer_authorization_error';

/** After a failed install: the HTTP status and a page that says what to do, never the error's details. */
export function installFailedPage(code: string, errorId: string): { readonly status: number; readonly html: string } {
  const again = `<p><a class="button" href="${SLACK_INSTALL_PATH}">Start again</a></p>`;
  if (code === CANCELLED) return { status: 400, html: page('Install cancelled', `<p>Nothing was installed.</p>${again}`) };
  if (START_AGAIN.has(code)) {
    return { status: 400, html: page('This install link has expired', `<p>The link was too old or was opened in another browser. Nothing was installed.</p>${again}`) };
  }
  return {
    status: 500,
    html: page('The install did not finish', `<p>Slack and ${escapeHtml(BOT_DISPLAY_NAME)} could not complete the install (error ${escapeHtml(errorId)}). Nothing was installed; please try again later.</p>${again}`),
  };
}
