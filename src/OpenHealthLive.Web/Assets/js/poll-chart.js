// Poll results as accessible HTML and CSS: no chart library on phones. Every figure is also text, so a
// screen reader reads the same numbers the chart shows. Labels come from the deck; words from the audience,
// so everything is set with textContent.

/**
 * The chart's words and numbers on the presenter's screens, which stay English; the audience pages pass their own
 * (audience-text.js `chartText`, in the phone's language).
 */
const ENGLISH = {
  Correct: 'correct',
  Points: '{0} pts · avg rank {1}',
  NoRatings: 'no ratings yet',
  ScaleLegend: 'Average on a 1–{0} scale; the band shows one standard deviation either side.',
  AnswerOne: 'answer',
  AnswerOther: 'answers',
  NoAnswers: 'No answers yet.',
};
const englishT = (key, ...values) => ENGLISH[key].replace(/\{(\d+)\}/g, (_, index) => String(values[Number(index)]));
const englishText = {
  t: englishT,
  plural: (count, one, other) => englishT(count === 1 ? one : other),
  number: String,
  percent: (value) => `${Math.round(value)}%`,
  decimal: (value) => (Math.round(value * 10) / 10).toFixed(1),
};
let text = englishText;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function bar(fraction, modifier = '') {
  const track = element('span', `chart-track ${modifier}`.trim());
  const fill = element('span', 'chart-fill');
  // Styles set from script are allowed by the Content-Security-Policy (no inline style attributes).
  fill.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  track.setAttribute('aria-hidden', 'true');
  track.append(fill);
  return track;
}

function optionBars(poll, results) {
  const list = element('ol', 'chart-bars');
  const max = Math.max(1, ...results.options.map((o) => o.count));
  for (const option of results.options) {
    const correct = poll.type === 'quiz' && poll.answer === option.label;
    const item = element('li', correct ? 'chart-row is-correct' : 'chart-row');
    const label = element('span', 'chart-label', option.label);
    if (correct) label.append(element('span', 'chart-correct', ` ✓ ${text.t('Correct')}`));
    item.append(label, bar(option.count / max), element('span', 'chart-value', `${text.number(option.count)} · ${text.percent(option.percent)}`));
    list.append(item);
  }
  return list;
}

function rankingBars(results) {
  const list = element('ol', 'chart-bars chart-bars--ranking');
  const max = Math.max(1, ...results.ranking.map((r) => r.bordaScore));
  for (const row of results.ranking) {
    const item = element('li', 'chart-row');
    item.append(
      element('span', 'chart-label', row.label),
      bar(row.bordaScore / max),
      element('span', 'chart-value', text.t('Points', text.number(row.bordaScore), text.decimal(row.averageRank))));
    list.append(item);
  }
  return list;
}

function ratingRows(poll, results) {
  const list = element('ol', 'chart-bars chart-bars--rating');
  const scale = poll.scale || 5;
  for (const row of results.ratings) {
    const item = element('li', 'chart-row');
    const track = element('span', 'chart-track chart-track--scale');
    track.setAttribute('aria-hidden', 'true');
    if (row.count > 0) {
      const position = (value) => `${((Math.max(1, Math.min(scale, value)) - 1) / (scale - 1)) * 100}%`;
      const spread = element('span', 'chart-spread');
      spread.style.left = position(row.average - row.standardDeviation);
      spread.style.right = `calc(100% - ${position(row.average + row.standardDeviation)})`;
      const dot = element('span', 'chart-dot');
      dot.style.left = position(row.average);
      track.append(spread, dot);
    }
    item.append(
      element('span', 'chart-label', row.item),
      track,
      element('span', 'chart-value', row.count > 0 ? `${text.decimal(row.average)} ± ${text.decimal(row.standardDeviation)} (n=${text.number(row.count)})` : text.t('NoRatings')));
    list.append(item);
  }
  const legend = element('p', 'chart-legend', text.t('ScaleLegend', scale));
  const wrapper = element('div', 'chart-rating');
  wrapper.append(list, legend);
  return wrapper;
}

function wordCloud(results) {
  const cloud = element('ul', 'word-cloud');
  const max = Math.max(1, ...results.words.map((w) => w.count));
  // Alphabetical placement reads more calmly than by size; size carries the count.
  for (const word of [...results.words].sort((a, b) => a.word.localeCompare(b.word))) {
    const item = element('li', 'word', word.word);
    item.style.fontSize = `${0.9 + (word.count / max) * 1.8}em`;
    item.title = `${word.word}: ${word.count}`;
    item.append(element('span', 'visually-hidden', `: ${text.number(word.count)}`));
    cloud.append(item);
  }
  return cloud;
}

/** Renders `results` of `poll` into `container` (replacing what was there), in `words` (English unless given). */
export function renderChart(container, poll, results, words = englishText) {
  text = words;
  const figure = element('figure', `poll-chart poll-chart--${poll.type}`);
  const caption = element('figcaption', 'chart-caption', `${text.number(results.voters)} ${text.plural(results.voters, 'AnswerOne', 'AnswerOther')}`);
  let body;
  if (results.voters === 0) body = element('p', 'chart-empty', text.t('NoAnswers'));
  else if (poll.type === 'ranking') body = rankingBars(results);
  else if (poll.type === 'rating') body = ratingRows(poll, results);
  else if (poll.type === 'wordcloud') body = wordCloud(results);
  else body = optionBars(poll, results);
  figure.append(body, caption);
  container.replaceChildren(figure);
}
