// The answer form of an open poll on the phone, one per kind (single choice or quiz, multiple choice, rating,
// ranking, word cloud), and the draft it edits: what this phone has chosen and not sent yet.
import { t, number } from './audience-text.js';

/** The deck's words are in the slides' language, which may not be the page's. */
export const deckLanguage = () => document.getElementById('slide')?.lang || document.documentElement.lang;

/** A new draft for `poll`: this phone's earlier answer (`mine`, if any) or nothing chosen. */
export function freshDraft(poll, mine) {
  switch (poll.type) {
    case 'multiple': return { options: [...(mine?.options ?? [])] };
    case 'rating': return { ratings: [...(mine?.ratings ?? poll.items.map(() => 0))] };
    case 'ranking': return { ranking: [...(mine?.ranking ?? poll.options.map((_, i) => i))] };
    case 'wordcloud': return { text: mine?.text ?? '' };
    default: return { option: mine?.option ?? null };
  }
}

/** Whether `draft` is an answer `poll` can take (something chosen, every item rated…). */
export function isComplete(poll, draft) {
  switch (poll.type) {
    case 'multiple': return draft.options.length > 0;
    case 'rating': return draft.ratings.every((r) => r > 0);
    case 'ranking': return true;
    case 'wordcloud': return draft.text.trim().length > 0;
    default: return draft.option !== null;
  }
}

function choiceButton(label, pressed, onClick, role = 'radio') {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'poll-choice';
  button.setAttribute('role', role);
  button.setAttribute('aria-checked', String(pressed));
  button.textContent = label;
  button.lang = deckLanguage();
  button.addEventListener('click', onClick);
  return button;
}

/**
 * The form for `poll`, editing `draft` in place.
 * @param {object} options
 * @param {boolean} options.voted  this phone has a vote counted in this round (the button says "change")
 * @param {boolean} options.waiting  a vote is on its way (the button waits for its answer)
 * @param {() => void} options.changed  the draft changed: render again
 * @param {() => void} options.submit  send the draft
 * @param {Element} options.panel  where the form is shown (focus follows a moved ranking item there)
 */
export function pollForm(poll, draft, { voted, waiting, changed, submit, panel }) {
  const form = document.createElement('div');
  form.className = 'poll-form';
  if (poll.type === 'single' || poll.type === 'quiz') {
    const group = document.createElement('div');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', poll.question);
    poll.options.forEach((label, index) => group.append(choiceButton(label, draft.option === index, () => { draft.option = index; changed(); })));
    form.append(group);
  } else if (poll.type === 'multiple') {
    const group = document.createElement('div');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('UpTo', poll.question, poll.maxChoices));
    poll.options.forEach((label, index) => {
      const chosen = draft.options.includes(index);
      const button = choiceButton(label, chosen, () => {
        draft.options = chosen ? draft.options.filter((i) => i !== index) : [...draft.options, index];
        changed();
      }, 'checkbox');
      button.disabled = !chosen && draft.options.length >= poll.maxChoices;
      group.append(button);
    });
    const hint = document.createElement('p');
    hint.className = 'form-help';
    hint.textContent = t('PickUpTo', poll.maxChoices);
    form.append(group, hint);
  } else if (poll.type === 'rating') {
    poll.items.forEach((item, itemIndex) => {
      const row = document.createElement('div');
      row.className = 'rating-row';
      const label = document.createElement('p');
      label.className = 'rating-label';
      label.id = `rating-${poll.id}-${itemIndex}`;
      label.textContent = item;
      label.lang = deckLanguage();
      const scale = document.createElement('div');
      scale.className = 'rating-scale';
      scale.setAttribute('role', 'radiogroup');
      scale.setAttribute('aria-labelledby', label.id);
      for (let value = 1; value <= poll.scale; value++) {
        const button = choiceButton(number(value), draft.ratings[itemIndex] === value, () => { draft.ratings[itemIndex] = value; changed(); });
        button.removeAttribute('lang');
        button.setAttribute('aria-label', t('RatingOf', value, poll.scale));
        scale.append(button);
      }
      row.append(label, scale);
      form.append(row);
    });
    const legend = document.createElement('p');
    legend.className = 'form-help';
    legend.textContent = t('RatingLegend', poll.scale);
    form.append(legend);
  } else if (poll.type === 'ranking') {
    const list = document.createElement('ol');
    list.className = 'ranking-list';
    draft.ranking.forEach((optionIndex, position) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = poll.options[optionIndex];
      label.lang = deckLanguage();
      const move = (delta) => {
        const next = [...draft.ranking];
        [next[position], next[position + delta]] = [next[position + delta], next[position]];
        draft.ranking = next;
        changed();
        panel.querySelector(`.ranking-list li:nth-child(${position + delta + 1}) button[data-move="${delta}"]`)?.focus();
      };
      const up = document.createElement('button');
      up.type = 'button';
      up.dataset.move = '-1';
      up.textContent = '↑';
      up.setAttribute('aria-label', t('MoveUp', poll.options[optionIndex]));
      up.disabled = position === 0;
      up.addEventListener('click', () => move(-1));
      const down = document.createElement('button');
      down.type = 'button';
      down.dataset.move = '1';
      down.textContent = '↓';
      down.setAttribute('aria-label', t('MoveDown', poll.options[optionIndex]));
      down.disabled = position === draft.ranking.length - 1;
      down.addEventListener('click', () => move(1));
      item.append(label, up, down);
      list.append(item);
    });
    const hint = document.createElement('p');
    hint.className = 'form-help';
    hint.textContent = t('RankingHint');
    form.append(hint, list);
  } else if (poll.type === 'wordcloud') {
    const label = document.createElement('label');
    label.htmlFor = `word-${poll.id}`;
    label.className = 'visually-hidden';
    label.textContent = t('YourWord');
    const input = document.createElement('input');
    input.id = `word-${poll.id}`;
    input.maxLength = 40;
    input.autocomplete = 'off';
    input.placeholder = t('WordPlaceholder');
    input.value = draft.text;
    input.addEventListener('input', () => {
      draft.text = input.value;
      send.disabled = !isComplete(poll, draft);
    });
    form.append(label, input);
  }
  const send = document.createElement('button');
  send.type = 'button';
  send.className = 'poll-send';
  send.textContent = voted ? t('ChangeVote') : t('SendVote');
  send.disabled = !isComplete(poll, draft) || waiting;
  send.addEventListener('click', submit);
  form.append(send);
  return form;
}
