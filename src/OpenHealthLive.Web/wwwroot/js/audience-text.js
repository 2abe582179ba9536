// The audience page's words for its scripts, in the page's language: the server renders them from its resources
// (Localization/AudienceText*.resx, the keys starting "Js.") into <script id="audience-text">; no English here.
// docs/languages.md says how to add a language.

const words = (() => {
  try {
    return JSON.parse(document.getElementById('audience-text')?.textContent ?? '{}');
  } catch {
    return {};
  }
})();

/** The page's language (the words'), for Intl formats. */
export const locale = document.documentElement.lang || 'en';

/** The text for `key` with `{0}`, `{1}`… replaced by `values` (numbers formatted for the page's language). */
export function t(key, ...values) {
  const text = words[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, index) => {
    const value = values[Number(index)];
    return typeof value === 'number' ? number(value) : String(value ?? '');
  });
}

const numbers = new Intl.NumberFormat(locale);
/** A number as the page's language writes it (1,234.5 / 1.234,5 / 1 234,5). */
export const number = (value) => numbers.format(value);

const plurals = new Intl.PluralRules(locale);
/** `one` or `other`'s text, as the page's language counts `count`. */
export const plural = (count, one, other) => t(plurals.select(count) === 'one' ? one : other);

const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What the shared chart (poll-chart.js) needs to speak the page's language. */
export const chartText = {
  t,
  plural,
  number,
  percent: (value) => percents.format(value / 100),
  decimal: (value) => decimals.format(value),
};
