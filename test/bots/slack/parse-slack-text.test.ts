import { describe, expect, it } from 'vitest';
import { parseSlackText, slackCommandLine, unescapeSlackText } from '../../../bots/slack/parse-slack-text.ts';
import { smallcaps } from '../../../commands/smallcaps.ts';
import { UserError } from '../../../core/user-error.ts';

describe('unescapeSlackText', () => {
  it('undoes the HTML escaping Slack applies to &, < and >', () => {
    expect(unescapeSlackText('S&amp;P 600 &lt;vs&gt; S&amp;P 500')).toBe('S&P 600 <vs> S&P 500');
  });

  it('turns mentions, channels, special mentions and links into what the user typed', () => {
    expect(unescapeSlackText('<@U123|alice> <@U456> <#C789|general> <!here> <!subteam^S1|@analysts>')).toBe('@alice @U456 #general @here @analysts');
    expect(unescapeSlackText('see <https://example.com/x|the docs> or <https://example.com/y>')).toBe('see the docs or https://example.com/y');
  });

  it('reads a non-breaking space as a space', () => {
    expect(unescapeSlackText('ytd\u00a0basis:index')).toBe('ytd basis:index');
  });
});

describe('parseSlackText', () => {
  it('reads positional values in declared order, then key:value and key=value', () => {
    expect(parseSlackText(smallcaps.options, '1m index vs=QQQ')).toEqual({ period: '1m', basis: 'index', vs: 'QQQ' });
    expect(parseSlackText(smallcaps.options, 'basis:total 2023')).toEqual({ period: '2023', basis: 'total' });
  });

  it('reads an escaped index symbol such as ^NDX unchanged', () => {
    expect(parseSlackText(smallcaps.options, 'ytd index vs:^NDX')).toEqual({ period: 'ytd', basis: 'index', vs: '^NDX' });
  });

  it('reports a repeated option as a user error', () => {
    expect(() => parseSlackText(smallcaps.options, 'basis:index basis:price')).toThrow(UserError);
  });
});

describe('slackCommandLine', () => {
  it('names the registry command whatever the Slack prefix, with the unescaped text', () => {
    expect(slackCommandLine('smallcaps', ' ytd  vs:&lt;SPY&gt; ')).toBe('/smallcaps ytd  vs:<SPY>');
    expect(slackCommandLine('help', '')).toBe('/help');
  });
});
