import { describe, expect, it } from 'vitest';
import { installedPage, installFailedPage, installPage } from '../../../bots/slack/oauth-pages.ts';

describe('OAuth install pages', () => {
  it('links to the authorize URL with its query intact (escaped for HTML)', () => {
    const url = 'https://slack.com/oauth/v2/authorize?scope=commands,chat:write&state=abc&client_id=1.2';
    expect(installPage(url)).toContain('href="https://slack.com/oauth/v2/authorize?scope=commands,chat:write&#38;state=abc&#38;client_id=1.2"');
  });

  it("names the workspace after an install, escaping what Slack sent", () => {
    expect(installedPage('Acme')).toContain('Rotation Bot is installed in Acme.');
    expect(installedPage('<script>x</script>')).not.toContain('<script>');
    expect(installedPage(undefined)).toContain('Rotation Bot is installed.');
  });

  it.each(['slack_oauth_missing_state', 'slack_oauth_invalid_state', 'slack_oauth_missing_code'])('sends the visitor back to the start for %s, with 400', (code) => {
    const { status, html } = installFailedPage(code, 'abcd1234');
    expect(status).toBe(400);
    expect(html).toContain('href="/slack/install"');
    expect(html).not.toContain(code);
  });

  it('says a cancelled install installed nothing', () => {
    expect(installFailedPage('slack_oauth_installer_authorization_error', 'abcd1234')).toMatchObject({ status: 400, html: expect.stringContaining('Install cancelled') });
  });

  it('answers any other failure with 500 and the error id from the log, not the error', () => {
    const { status, html } = installFailedPage('slack_oauth_unknown_error', 'abcd1234');
    expect(status).toBe(500);
    expect(html).toContain('error abcd1234');
    expect(html).not.toContain('slack_oauth_unknown_error');
  });
});
