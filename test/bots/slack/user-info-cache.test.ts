import { describe, expect, it } from 'vitest';
import { createUserInfoCache } from '../../../bots/slack/user-info-cache.ts';
import type { SlackUserKey, SlackUserProfile } from '../../../bots/slack/user-info-cache.ts';

function setup(profiles: Record<string, SlackUserProfile | Error>) {
  let now = 0;
  const lookups: string[] = [];
  const errors: SlackUserKey[] = [];
  const cache = createUserInfoCache({ fallbackLocale: 'en', now: () => now, onError: (user) => errors.push(user) });
  /** users.info through one workspace's client: profiles are keyed `team:user`. */
  const lookupIn = (teamId: string) => async (id: string) => {
    lookups.push(`${teamId}:${id}`);
    const p = profiles[`${teamId}:${id}`];
    if (p instanceof Error) throw p;
    return p;
  };
  const get = (userId: string, teamId = 'T1') => cache.get({ teamId, userId }, lookupIn(teamId));
  return { get, lookups, errors, advance: (ms: number) => (now += ms) };
}

describe('createUserInfoCache', () => {
  it("maps the user's Slack locale to ours and reads the workspace roles", async () => {
    const { get } = setup({ 'T1:U_KO': { locale: 'ko-KR' }, 'T1:U_EN': { locale: 'en-GB', is_owner: true } });
    expect(await get('U_KO')).toEqual({ locale: 'ko', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(await get('U_EN')).toEqual({ locale: 'en', isAdmin: false, isOwner: true, isPrimaryOwner: false });
  });

  it('asks Slack once an hour per user, and once for concurrent requests', async () => {
    const { get, lookups, advance } = setup({ 'T1:U_KO': { locale: 'ko-KR' } });
    await Promise.all([get('U_KO'), get('U_KO')]);
    advance(59 * 60_000);
    await get('U_KO');
    expect(lookups).toEqual(['T1:U_KO']);
    advance(2 * 60_000);
    await get('U_KO');
    expect(lookups).toEqual(['T1:U_KO', 'T1:U_KO']);
  });

  it('keeps the same user id apart in two workspaces, each asked through its own workspace', async () => {
    const { get, lookups } = setup({ 'T1:U_SAME': { locale: 'ko-KR' }, 'T2:U_SAME': { locale: 'en-US', is_admin: true } });
    expect(await get('U_SAME', 'T1')).toMatchObject({ locale: 'ko', isAdmin: false });
    expect(await get('U_SAME', 'T2')).toMatchObject({ locale: 'en', isAdmin: true });
    expect(lookups).toEqual(['T1:U_SAME', 'T2:U_SAME']);
  });

  it('falls back to ROTATION_LANG when users.info fails or has no locale, and asks again a minute later', async () => {
    const { get, lookups, errors, advance } = setup({ 'T1:U_X': new Error('missing_scope'), 'T1:U_Y': {} });
    expect(await get('U_X')).toEqual({ locale: 'en', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(await get('U_Y')).toEqual({ locale: 'en', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(errors).toEqual([{ teamId: 'T1', userId: 'U_X' }]);
    advance(61_000);
    await get('U_X');
    expect(lookups.filter((id) => id === 'T1:U_X')).toHaveLength(2);
  });
});
