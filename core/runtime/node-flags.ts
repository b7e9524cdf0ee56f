/**
 * V8 flags of the bot's processes: `npm start`, the Discord shard processes and the benches that
 * stand for them. The main thread's live heap is about 11 MB; a 1 MB semi-space keeps the garbage
 * between scavenges from adding tens of MB to RSS (the one-shot `ask "/smallcaps ytd"`: peak RSS
 * 158 → 147 MB, wall unchanged). Render workers set their own young generation (render-pool.ts).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];
