import fc from 'fast-check';
import type { AnyCommand } from '../../commands/define-command.ts';
import type { OptionSpec } from '../../commands/option-spec.ts';

/** The awkward inputs the brief names, as literal samples. */
export const NASTY = {
  control: ['\u0000', '\u0007', '\b', '\t', '\r\n', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\ufffd'],
  emoji: ['📈', '📉🚀', '👨‍👩‍👧‍👦', '🇰🇷', '🏳️‍🌈', '\u200d', '\ufe0f', '🧪'.repeat(40)],
  rtl: ['مرحبا', 'שלום עולם', '\u202eytd', '\u200fytd', 'ytd\u202c', '١٢٣'],
  hangul: ['소형주', '세금손실 매도', '기간:올해', 'ㅅㅁㄹ', '가'.repeat(300), '１ｙ'],
  sql: ["'; DROP TABLE prices; --", '" OR 1=1 --', 'UNION SELECT * FROM sqlite_master', "IWM' --", 'x); DELETE FROM subscriptions; --'],
  paths: ['../../etc/passwd', '..\\..\\windows\\win.ini', '/dev/zero', 'file:///etc/passwd', '%2e%2e%2f%2e%2e%2f', 'C:\\', '\\\\server\\share', '~/.ssh/id_rsa', 'IWM/../../x'],
  numbers: ['0', '-0', '1e308', '-1e308', '1e-324', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '-9007199254740992', '0x10', '1_000', '3.', '.5', '+7', '٣', '３'],
  dates: ['0000-01-01', '0001-01-01', '1899-12-31', '1970-01-01', '2024-02-29', '2026-02-29', '2026-13-01', '2026-01-32', '9999-12-31', '275760-09-13', '+010000-01-01', '2026/01/20', '20260120', '2026-1-2'],
  markup: ['<@U123|bob>', '<!channel>', '<!here>', '<#C123|general>', '&lt;&gt;&amp;', '<https://example.com|click>', '@everyone', '**bold**', '`code`', '```', '_it_', '> quote', '<>'],
  huge: ['x'.repeat(5_000), 'ytd '.repeat(2_000), '가나다'.repeat(3_000), '\u0000'.repeat(1_000), '📈'.repeat(2_500)],
} as const;

const nasty = fc.constantFrom(...Object.values(NASTY).flat());

/** Dates far in the past and future, some of them impossible. */
const farDate = fc
  .tuple(fc.integer({ min: -9999, max: 99999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);

const PERIODS = ['ytd', '1d', '1w', 'mtd', '1m', 'qtd', '3m', '6m', '1y', '3y', '5y', '10y', 'max', '2023', '2000', '1999', '2026', '2100', 'YTD', ' 1Y '];

/** Values an option would accept, and near misses. */
function plausible(name: string, o: OptionSpec): fc.Arbitrary<string> {
  switch (o.type) {
    case 'string': {
      const pool = [...(o.choices ?? []), ...(o.choices ?? []).map((c) => c.toUpperCase()), ...(name === 'period' ? PERIODS : []), ...(name === 'vs' ? ['QQQ', 'SPY', 'nasdaq', 'ZZZZ', '^NDX', '^GSPC'] : [])];
      const byName: Record<string, string[]> = {
        time: ['08:30', '16:45', '7:05', '00:00', '23:59', '24:00', '8h30'],
        timezone: ['America/New_York', 'Asia/Seoul', 'Europe/London', 'UTC', 'Mars/Olympus_Mons'],
        command: ['smallcaps', 'help', '/scenario', 'rotation', 'nope'],
        term: ['spread', 'drawdown', 'january effect', '세금손실 매도', 'percentage point', 'zzz'],
      };
      const words = [...pool, ...(byName[name] ?? [])];
      return words.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom(...words).map((c) => `${c}x`) }) : fc.constantFrom('spread', 'IWM', 'x');
    }
    case 'number': {
      const edges = [o.min, o.max, o.min !== undefined ? o.min - 1 : -1, o.max !== undefined ? o.max + 1 : 1e9, o.default ?? 0].filter((n): n is number => n !== undefined);
      return fc.oneof(fc.constantFrom(...edges.map(String)), fc.integer({ min: -1_000, max: 1_000 }).map(String), fc.double({ noNaN: false }).map(String));
    }
    case 'boolean':
      return fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'maybe', 'TRUE');
    case 'date':
      // Past dates for periods, later ones for deadlines (the fuzz runs as of 2026-01-20).
      return fc.oneof(fc.constantFrom('2026-01-02', '2026-01-20', '2025-12-31', '2020-03-16', '2008-10-10', '2026-02-03', '2026-03-31', '2027-06-30'), farDate);
  }
}

/**
 * What UTF-8 transport does to text: Slack and Discord cannot deliver half a surrogate pair, which
 * arrives as U+FFFD instead. (Generated strings may hold lone halves; real input cannot.)
 */
export const asDelivered = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\ufffd');

/** Text typed after `/command`: positional words and key:value pairs, valid, nearly valid and hostile. */
export function commandText(command: AnyCommand): fc.Arbitrary<string> {
  return rawCommandText(command).map(asDelivered);
}

function rawCommandText(command: AnyCommand): fc.Arbitrary<string> {
  const names = Object.keys(command.options);
  const value = (name: string | undefined) => {
    const spec = name !== undefined ? command.options[name] : undefined;
    return spec ? fc.oneof({ weight: 3, arbitrary: plausible(name!, spec) }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: junk }) : fc.oneof(nasty, junk);
  };
  const key = names.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom('x', 'Period', 'vs-', 'a1', 'ü') }) : fc.constantFrom('x', 'term');
  const token = fc.oneof(
    { weight: 3, arbitrary: key.chain((k) => fc.tuple(fc.constant(k), fc.constantFrom(':', '='), value(k)).map(([k2, sep, v]) => `${k2}${sep}${v}`)) },
    { weight: 2, arbitrary: fc.constantFrom(...(names.length ? names : ['x'])).chain((k) => value(k)) },
    { weight: 1, arbitrary: fc.oneof(nasty, junk).map((v) => `"${v}"`) },
  );
  const gap = fc.constantFrom(' ', '  ', '\t', '\n', '\u3000', '\u00a0');
  // The command's own examples, whole or with a hostile token added: valid lines reach the answering path.
  const examples = command.examples.map((e) => e.replace(/^\S+\s*/, ''));
  const example = fc.tuple(fc.constantFrom(...(examples.length ? examples : [''])), fc.option(token, { nil: undefined })).map(([e, extra]) => (extra ? `${e} ${extra}` : e));
  return fc.oneof(
    { weight: 1, arbitrary: example },
    { weight: 6, arbitrary: fc.array(fc.tuple(token, gap), { maxLength: 6 }).map((parts) => parts.map(([t, g]) => `${t}${g}`).join('')) },
    { weight: 2, arbitrary: fc.oneof(nasty, junk) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

/** An option as Discord sends it: type 3 string, 4 integer, 5 boolean, 10 number. */
export type SentOption = { readonly name: string; readonly type: 3 | 4 | 5 | 10; readonly value: string | number | boolean };

/** Option payloads for a command, as the Discord client would send them, and as a hostile client could. */
export function discordOptions(command: AnyCommand): fc.Arbitrary<SentOption[]> {
  const names = Object.keys(command.options);
  const anyValue = fc.oneof(
    fc.oneof(nasty, junk).map((v) => ({ type: 3 as const, value: asDelivered(v) })),
    fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, -(2 ** 53), 2 ** 53)).map((v) => ({ type: 4 as const, value: v })),
    fc.double().map((v) => ({ type: 10 as const, value: v })),
    fc.boolean().map((v) => ({ type: 5 as const, value: v })),
  );
  const typed = (name: string) => {
    const spec = command.options[name]!;
    switch (spec.type) {
      case 'string':
      case 'date':
        return plausible(name, spec).map((v) => ({ type: 3 as const, value: v }));
      case 'number':
        return plausible(name, spec).map((v) => ({ type: (spec.integer ? 4 : 10) as 4 | 10, value: Number(v) }));
      case 'boolean':
        return fc.boolean().map((v) => ({ type: 5 as const, value: v }));
    }
  };
  const option = fc.oneof(
    { weight: 5, arbitrary: names.length ? fc.constantFrom(...names).chain((n) => fc.oneof({ weight: 3, arbitrary: typed(n) }, { weight: 2, arbitrary: anyValue }).map((v) => ({ name: n, ...v }))) : anyValue.map((v) => ({ name: 'x', ...v })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'Period', '', '__proto__', 'constructor', 'toString'), anyValue).map(([n, v]) => ({ name: n, ...v })) },
  );
  return fc.array(option, { maxLength: 5 });
}
