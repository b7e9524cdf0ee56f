import { describe, expect, it } from 'vitest';
import { createUserInfoCache } from '../../../bots/slack/user-info-cache.ts';
import type { SlackUserProfile } from '../../../bots/slack/user-info-cache.ts';

function setup(profiles: Record<string, SlackUserProfile | Error>) {
  let now = 0;
  const lookups: string[] = [];
  const errors: string[] = [];
  const cache = createUserInfoCache({
    fallbackLocale: 'en',
    now: () => now,
    lookup: async (id) => {
      lookups.push(id);
      const p = profiles[id];
      if (p instanceof Error) throw p;
      return p;
    },
    onError: (id) => errors.push(id),
  });
  return { cache, lookups, errors, advance: (ms: number) => (now += ms) };
}

describe('createUserInfoCache', () => {
  it("maps the user's Slack locale to ours and reads the workspace roles", async () => {
    const { cache } = setup({ U_KO: { locale: 'ko-KR' }, U_EN: { locale: 'en-GB', is_owner: true } });
    expect(await cache.get('U_KO')).toEqual({ locale: 'ko', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(await cache.get('U_EN')).toEqual({ locale: 'en', isAdmin: false, isOwner: true, isPrimaryOwner: false });
  });

  it('asks Slack once an hour per user, and once for concurrent requests', async () => {
    const { cache, lookups, advance } = setup({ U_KO: { locale: 'ko-KR' } });
    await Promise.all([cache.get('U_KO'), cache.get('U_KO')]);
    advance(59 * 60_000);
    await cache.get('U_KO');
    expect(lookups).toEqual(['U_KO']);
    advance(2 * 60_000);
    await cache.get('U_KO');
    expect(lookups).toEqual(['U_KO', 'U_KO']);
  });

  it('falls back to ROTATION_LANG when users.info fails or has no locale, and asks again a minute later', async () => {
    const { cache, lookups, errors, advance } = setup({ U_X: new Error('missing_scope'), U_Y: {} });
    expect(await cache.get('U_X')).toEqual({ locale: 'en', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(await cache.get('U_Y')).toEqual({ locale: 'en', isAdmin: false, isOwner: false, isPrimaryOwner: false });
    expect(errors).toEqual(['U_X']);
    advance(61_000);
    await cache.get('U_X');
    expect(lookups.filter((id) => id === 'U_X')).toHaveLength(2);
  });
});
