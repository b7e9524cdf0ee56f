/** Each platform's published limits, in one table (characters unless noted). */
export const PLATFORM_LIMITS = {
  discord: {
    content: 2000,
    embedTitle: 256,
    embedDescription: 4096,
    embedFields: 25,
    fieldName: 256,
    fieldValue: 1024,
    footer: 2048,
    /** Sum of title, description, field names and values, and footer over every embed of a message. */
    embedTotal: 6000,
    embedsPerMessage: 10,
    attachmentsPerMessage: 10,
    attachmentDescription: 1024,
    actionRows: 5,
    buttonsPerRow: 5,
    buttonLabel: 80,
    customId: 100,
    commandName: 32,
    commandDescription: 100,
    optionsPerCommand: 25,
    choices: 25,
    choiceName: 100,
    choiceValue: 100,
    /** Milliseconds to answer or defer an interaction, and to answer autocomplete. */
    responseDeadlineMs: 3000,
  },
  /** Slack's lengths count UTF-16 code units, never less than what Slack counts, so staying under them is safe for Hangul and emoji alike. */
  slack: {
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
  },
} as const;

export const DISCORD_LIMITS = PLATFORM_LIMITS.discord;
export const SLACK_LIMITS = PLATFORM_LIMITS.slack;

/** Discord application command and option names. */
export const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
