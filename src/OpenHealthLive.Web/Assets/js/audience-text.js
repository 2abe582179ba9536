// The audience page's words for its scripts, in the page's language: the server renders them from its resources
// (Localization/AudienceText*.resx, the keys starting "Js.") into <script id="audience-text">; no English here.
// docs/languages.md says how to add a language.

import { refusalOf } from './refusal.js';

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

/**
 * What a phone shows for an error from the server: a refusal worded from its code ("Refusal.<code>", or
 * "Refusal.<code>.one" when its last number counts as one) with its numbers in the page's language; the server's
 * English for a code this page has no words for; `fallback` when the server did not refuse (a lost connection).
 */
export function refusalText(error, fallback) {
  const refusal = refusalOf(error);
  if (!refusal) return fallback ?? String(error?.message ?? error);
  const key = `Refusal.${refusal.code}`;
  if (!(key in words)) return refusal.text;
  const values = refusal.args.map((a) => (/^\d+$/.test(a) ? Number(a) : a));
  const last = values[values.length - 1];
  const one = typeof last === 'number' && plurals.select(last) === 'one' && `${key}.one` in words;
  return t(one ? `${key}.one` : key, ...values);
}

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
