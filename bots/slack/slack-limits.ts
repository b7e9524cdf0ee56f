/**
 * Slack's published limits, in one place. Lengths count UTF-16 code units, which is never less
 * than what Slack counts, so staying under them is safe for Hangul and emoji alike.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message (chat.postMessage, response_url, files.completeUploadExternal). */
  blocksPerMessage: 50,
  /** Top-level `text`; Slack truncates longer text. */
  messageText: 40_000,
  headerText: 150,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  contextElements: 10,
  contextText: 3_000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  /** `alt_text` of an uploaded file (files.getUploadURLExternal). */
  fileAltText: 1_000,
  /** Ephemeral replies one response_url accepts, and for how long. */
  responseUrlPosts: 5,
  responseUrlMinutes: 30,
  /** The HTTP response (or Socket Mode envelope ack) must arrive within this. */
  ackMs: 3_000,
  /** Requests older than this are refused as replays. */
  requestMaxAgeSeconds: 300,
  manifest: {
    appName: 35,
    appDescription: 140,
    longDescriptionMin: 175,
    longDescriptionMax: 4_000,
    botDisplayName: 80,
    commandName: 32,
    commandDescription: 2_000,
    usageHint: 1_000,
  },
} as const;
