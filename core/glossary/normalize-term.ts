const AND_WORD = /(^|[^\p{L}\p{N}])and(?=[^\p{L}\p{N}]|$)/gu;
const NOT_KEPT = /[^\p{L}\p{M}\p{N}&%]/gu;

/**
 * The comparison form of a term or query: NFKC, lowercase, the word "and" as "&", and nothing
 * but letters, digits, "&" and "%" (spaces, hyphens, dots, quotes, slashes… removed), so that
 * "S&P 500", "s&p500" and "S and P 500" are equal, and so are "세금 손실 매도" and "세금손실매도".
 */
export function normalizeTerm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(AND_WORD, '$1&').replace(NOT_KEPT, '');
}

/**
 * The fuzzy-matching form of a normalized term: Hangul syllables split into jamo, so that a
 * one-letter Korean typo costs one edit and a syllable still being typed ("러세") is a prefix.
 */
export function foldTerm(normalized: string): string {
  return normalized.normalize('NFD');
}
