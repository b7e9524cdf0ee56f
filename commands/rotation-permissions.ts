import type { Config } from '../core/config.ts';
import type { Platform } from './context.ts';

/** What an adapter knows about the user asking, from its platform. */
export type ManagerInfo = {
  /** Discord: `interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels)` (Administrator included). */
  readonly manageChannels?: boolean;
  /** Discord: the interaction is in a DM with the bot, where the user is the only one to ask. */
  readonly directMessage?: boolean;
  /** Slack: users.info `is_admin`, `is_owner`, `is_primary_owner`. */
  readonly isAdmin?: boolean;
  readonly isOwner?: boolean;
  readonly isPrimaryOwner?: boolean;
};

/**
 * Whether the user may subscribe or unsubscribe a channel. Discord: Manage Channels (or a DM).
 * Slack: one of SLACK_SUBSCRIBE_ROLES (`member` lets anyone). Console: always. Unknown facts count as no.
 */
export function canManageSubscriptions(platform: Platform, user: ManagerInfo, config: Pick<Config, 'SLACK_SUBSCRIBE_ROLES'>): boolean {
  switch (platform) {
    case 'console':
      return true;
    case 'discord':
      return user.manageChannels === true || user.directMessage === true;
    case 'slack':
      return config.SLACK_SUBSCRIBE_ROLES.some((role) =>
        role === 'member' ? true : role === 'admin' ? user.isAdmin === true : role === 'owner' ? user.isOwner === true || user.isPrimaryOwner === true : user.isPrimaryOwner === true,
      );
  }
}
