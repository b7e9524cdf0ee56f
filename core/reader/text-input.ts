/** Why a text cannot be read at all; each gets its own friendly answer. */
export type InputProblem = 'empty' | 'too-long' | 'binary' | 'script' | 'instructions';

export type CheckedInput = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: InputProblem; readonly length: number };

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD\uFFFE\uFFFF]/gu;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LETTER = /[\p{L}]/gu;
const INSTRUCTIONS =
  /\b(ignore|disregard|forget)\b.{0,30}\b(previous|prior|above|all|your)\b.{0,20}\b(instructions?|prompts?|rules)\b|\bsystem prompt\b|\byou are now\b|\bjailbreak\b|\bdeveloper mode\b|(이전|위의|모든)\s*(지시|명령|지침).{0,10}(무시|잊어)|시스템 프롬프트/iu;

/**
 * The text as the reader sees it (NFKC, line breaks kept, other white space single), or why it
 * cannot be read: nothing in it, longer than `max`, binary, a right-to-left script, or
 * instructions addressed to the bot rather than a question.
 */
export function checkInput(raw: unknown, max: number): CheckedInput {
  const s = typeof raw === 'string' ? raw : '';
  const length = [...s].length;
  if (length > max) return { ok: false, problem: 'too-long', length };
  const controls = s.match(CONTROL)?.length ?? 0;
  if (s.includes('\u0000') || controls > Math.max(2, length / 50)) return { ok: false, problem: 'binary', length };
  const text = s.normalize('NFKC').replace(CONTROL, ' ').replace(/[ \t\u00A0\u2000-\u200F\u2028\u2029\u3000]+/g, ' ').replace(/ *\r?\n */g, '\n').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, problem: 'empty', length };
  const letters = text.match(LETTER)?.length ?? 0;
  if ((text.match(RTL)?.length ?? 0) > letters / 2) return { ok: false, problem: 'script', length };
  if (INSTRUCTIONS.test(text)) return { ok: false, problem: 'instructions', length };
  return { ok: true, text };
}

export const hasHangul = (s: string): boolean => /\p{Script=Hangul}/u.test(s);

/** The language of a text: Korean when more than `share` of its letters are Hangul (a fifth by default; 0 means any Hangul). */
export function languageOf(s: string, share = 0.2): 'en' | 'ko' {
  const letters = s.match(LETTER)?.length ?? 0;
  const hangul = s.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  return letters > 0 && hangul > 0 && hangul / letters >= share ? 'ko' : 'en';
}
