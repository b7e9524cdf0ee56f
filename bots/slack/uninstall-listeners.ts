import type { App, Context } from '@slack/bolt';
import type { InstallationStore } from '../../core/store/store.ts';
import type { Logger } from '../../core/logger.ts';

/**
 * OAuth mode: a workspace that uninstalls the app, or revokes its bot token, has its installation
 * deleted, so its token is no longer kept and its morning posts stop. Bolt calls these listeners
 * without authorizing first (the token is already dead).
 */
export function forgetUninstalledWorkspaces(app: App, installations: InstallationStore, log: Logger): void {
  const forget = async (context: Context, event: string) => {
    const where = { workspace: context.teamId, enterprise: context.enterpriseId, event };
    const deleted = await installations.delete({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall });
    log.info(where, deleted ? 'slack installation deleted' : 'slack workspace had no installation to delete');
  };
  app.event('app_uninstalled', ({ context }) => forget(context, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if (event.tokens.bot?.length) return forget(context, 'tokens_revoked');
    // Only users' tokens: the bot's installation still works.
    log.info({ workspace: context.teamId, users: event.tokens.oauth?.length ?? 0 }, 'slack user tokens revoked; installation kept');
  });
}
