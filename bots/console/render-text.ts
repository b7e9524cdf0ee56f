import type { Reply } from '../../core/reply.ts';
import { displayWidth, padToColumns } from './display-width.ts';
import { t } from '../../core/i18n/translate.ts';
import { readAsHeading } from '../../commands/ask-reply.ts';

const stripMarkdown = (s: string) =>
  s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').replace(/(^|[\s(])_([^_\n]+)_(?=[\s.,;:!?)]|$)/gm, '$1$2');

/** A Reply as terminal text; `chartPath` is where its PNG was saved. */
export function renderText(reply: Reply, chartPath?: string): string {
  const lines = [...(reply.readAs ? [readAsHeading(reply.locale, reply.readAs)] : []), `== ${reply.title} ==`, stripMarkdown(reply.text)];
  if (reply.fields.length) {
    lines.push('');
    const width = Math.min(40, Math.max(...reply.fields.map((f) => displayWidth(f.label))));
    for (const f of reply.fields) {
      const [first, ...more] = stripMarkdown(f.value).split('\n');
      lines.push(`  ${padToColumns(f.label, width)}  ${first}`, ...more.map((m) => `  ${''.padEnd(width)}  ${m}`));
    }
  }
  if (chartPath) lines.push('', `${t(reply.locale, 'console.chart')}: ${chartPath}${reply.chart ? ` (${reply.chart.width}×${reply.chart.height})` : ''}`);
  if (reply.footer) lines.push('', reply.footer);
  return lines.join('\n');
}
