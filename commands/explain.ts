import type { CommandOutput } from '../core/reply.ts';
import type { GlossaryEntry } from '../core/glossary/types.ts';
import type { View } from './explain-reply.ts';
import { defineCommand } from './define-command.ts';
import { autocomplete } from '../core/glossary/autocomplete.ts';
import { listCategories } from '../core/glossary/browse.ts';
import { lookupTerm } from '../core/glossary/lookup.ts';
import { ambiguousReply, browseReply, entryReply, listReply, notFoundReply } from './explain-reply.ts';
import { liveResult } from './explain-live-text.ts';
import { loadLiveFigure } from './explain-live.ts';
import { readTermList } from './explain-term-list.ts';

const ids = (entries: readonly GlossaryEntry[]) => entries.map((e) => e.id);

export const explain = defineCommand({
  name: 'explain',
  options: {
    term: { type: 'string', rest: true, autocomplete: true, maxLength: 200 },
    lang: { type: 'string', choices: ['en', 'ko'] },
    public: { type: 'boolean', default: false },
  },
  visibility: (args) => (args.public ? 'public' : 'ephemeral'),
  // Text answers are instant; the few live figures read cached closes, and Discord defers a quick command that overruns.
  slow: false,
  examples: ['explain spread', 'explain january effect', 'explain 세금손실 매도', 'explain drawdown lang:ko public:true', 'explain'],
  suggest: (_option, query, ctx) => autocomplete(ctx.services.glossary, query, ctx.locale),
  async run(args, ctx): Promise<CommandOutput> {
    const index = ctx.services.glossary;
    const view: View = {
      locale: args.lang ?? ctx.locale,
      visibility: args.public ? 'public' : 'ephemeral',
      prefix: ctx.commandPrefix,
      ...(args.lang ? { lang: args.lang } : {}),
    };
    const query = args.term?.trim() ?? '';

    const list = readTermList(index, query);
    if (list && list.entries.length > 0) {
      return {
        replies: [listReply(list.entries, list.missing, view)],
        result: { match: 'list', entryIds: ids(list.entries), ...(list.missing.length ? { missing: list.missing } : {}) },
      };
    }
    if (list) return { replies: [notFoundReply(query, [], view)], result: { match: 'not-found', query, candidates: [] } };

    const found = lookupTerm(index, query);
    switch (found.kind) {
      case 'empty': {
        const categories = listCategories(index, view.locale);
        return { replies: [browseReply(categories, view)], result: { match: 'browse', categories: categories.map((c) => c.id) } };
      }
      case 'ambiguous':
        return { replies: [ambiguousReply(query, found.candidates, view)], result: { match: 'ambiguous', query, candidates: ids(found.candidates) } };
      case 'not-found':
        return { replies: [notFoundReply(query, found.suggestions, view)], result: { match: 'not-found', query, candidates: ids(found.suggestions) } };
      case 'found': {
        const { entry, match } = found;
        const live = entry.live ? await loadLiveFigure(entry.live, ctx.services) : null;
        const related = entry.related.map((id) => index.byId.get(id)).filter((e): e is GlossaryEntry => e !== undefined);
        return {
          replies: [entryReply(entry, { match, query }, related, live, view)],
          result: { match, query, entryId: entry.id, ...(live ? { live: liveResult(live.figure, live.source) } : {}) },
        };
      }
    }
  },
});
