// Polls on the phone: the poll appears when the presenter opens it, with large touch targets; the vote can be
// changed while the poll is open; a receipt says when it was counted; results appear when the presenter shows them.
import { newClientId } from './qna-model.js';
import { isRefusal } from './refusal.js';
import { t, number, chartText, refusalText } from './audience-text.js';

const deckLanguage = () => document.getElementById('slide')?.lang || document.documentElement.lang;

// The chart code is fetched when a poll's results are first shown, not with the page (docs/benchmarks.md, "The
// audience page's weight"); a failed fetch (offline) is tried again at the next render.
let charts = null;
let loadingCharts = null;
const loadCharts = (then) => {
  loadingCharts ??= import('./poll-chart.js').then((module) => { charts = module; then(); }, () => { loadingCharts = null; });
};

export function setupPolls(connection, code, { onPollOpened }) {
  const tab = document.getElementById('tab-poll');
  const panel = document.getElementById('poll-panel');
  const polls = new Map();
  const myVotes = new Map();
  let draft = null;
  const pendingKey = `ohl.pending-poll-vote.${code}`;
  /** A vote made while offline, kept across a reload until the server confirms it. */
  let pending = (() => { try { return JSON.parse(localStorage.getItem(pendingKey) ?? 'null'); } catch { return null; } })();
  const savePending = () => {
    try { if (pending) localStorage.setItem(pendingKey, JSON.stringify(pending)); else localStorage.removeItem(pendingKey); } catch { /* memory only */ }
  };
  let receipt = '';

  const current = () => [...polls.values()].find((p) => p.isOpen)
    ?? [...polls.values()].filter((p) => p.resultsVisible).sort((a, b) => b.slideIndex - a.slideIndex)[0] ?? null;

  function freshDraft(poll) {
    const mine = myVotes.get(poll.id);
    switch (poll.type) {
      case 'multiple': return { options: [...(mine?.options ?? [])] };
      case 'rating': return { ratings: [...(mine?.ratings ?? poll.items.map(() => 0))] };
      case 'ranking': return { ranking: [...(mine?.ranking ?? poll.options.map((_, i) => i))] };
      case 'wordcloud': return { text: mine?.text ?? '' };
      default: return { option: mine?.option ?? null };
    }
  }

  const complete = (poll) => {
    switch (poll.type) {
      case 'multiple': return draft.options.length > 0;
      case 'rating': return draft.ratings.every((r) => r > 0);
      case 'ranking': return true;
      case 'wordcloud': return draft.text.trim().length > 0;
      default: return draft.option !== null;
    }
  };

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

  function answerForm(poll) {
    const form = document.createElement('div');
    form.className = 'poll-form';
    if (poll.type === 'single' || poll.type === 'quiz') {
      const group = document.createElement('div');
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-label', poll.question);
      poll.options.forEach((label, index) => group.append(choiceButton(label, draft.option === index, () => { draft.option = index; render(); })));
      form.append(group);
    } else if (poll.type === 'multiple') {
      const group = document.createElement('div');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', t('UpTo', poll.question, poll.maxChoices));
      poll.options.forEach((label, index) => {
        const chosen = draft.options.includes(index);
        const button = choiceButton(label, chosen, () => {
          draft.options = chosen ? draft.options.filter((i) => i !== index) : [...draft.options, index];
          render();
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
          const button = choiceButton(number(value), draft.ratings[itemIndex] === value, () => { draft.ratings[itemIndex] = value; render(); });
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
          render();
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
        send.disabled = !complete(poll);
      });
      form.append(label, input);
    }
    const send = document.createElement('button');
    send.type = 'button';
    send.className = 'poll-send';
    send.textContent = myVotes.has(poll.id) ? t('ChangeVote') : t('SendVote');
    send.disabled = !complete(poll) || pending !== null;
    send.addEventListener('click', () => submit(poll));
    form.append(send);
    return form;
  }

  function render() {
    const poll = current();
    tab.hidden = !poll;
    if (!poll) {
      panel.replaceChildren();
      if (tab.getAttribute('aria-selected') === 'true') document.getElementById('tab-slides').click();
      return;
    }
    const heading = document.createElement('h2');
    heading.className = 'poll-question';
    // The deck's words are in the slides' language, which may not be the page's.
    heading.lang = deckLanguage();
    heading.textContent = poll.question;
    const status = document.createElement('p');
    status.className = 'poll-status';
    status.textContent = poll.isOpen ? t('PollOpen') : t('PollClosed');
    const parts = [heading, status];
    if (poll.isOpen) parts.push(answerForm(poll));
    const note = document.createElement('p');
    note.className = 'poll-receipt';
    note.setAttribute('role', 'status');
    note.textContent = receipt;
    parts.push(note);
    if (poll.resultsVisible && poll.results) {
      const chart = document.createElement('div');
      chart.className = 'poll-results';
      const title = document.createElement('h3');
      title.textContent = t('Results');
      chart.append(title);
      const body = document.createElement('div');
      if (charts) {
        charts.renderChart(body, poll, poll.results, chartText);
        for (const label of body.querySelectorAll('.chart-label')) label.lang = deckLanguage();
      } else {
        loadCharts(render);
      }
      chart.append(body);
      parts.push(chart);
    }
    panel.replaceChildren(...parts);
  }

  async function submit(poll) {
    pending = { pollId: poll.id, clientId: newClientId(), vote: { option: null, options: null, ratings: null, ranking: null, text: null, ...draft } };
    savePending();
    receipt = t('Sending');
    render();
    await flush();
  }

  let flushing = null;

  /**
   * Sends the waiting vote, one send at a time: the retry every few seconds must not send a vote again while it
   * is still on its way (the answer to the repeat, "counted", would replace "changed and counted"), and a newer
   * vote waits for the older one's answer instead of being cleared by it.
   */
  function flush() {
    flushing ??= sendPending().finally(() => { flushing = null; });
    return flushing;
  }

  async function sendPending() {
    while (pending && connection.state === signalR.HubConnectionState.Connected) {
      const item = pending;
      try {
        const result = await connection.invoke('SubmitVote', code, item.pollId, item.clientId, item.vote);
        myVotes.set(item.pollId, result.answer);
        if (pending === item) {
          pending = null;
          savePending();
          receipt = result.held ? t('VoteHeld') : `✓ ${t(result.changed ? 'VoteChanged' : 'VoteCounted')}`;
        }
      } catch (error) {
        if (!isRefusal(error)) break;
        if (pending === item) {
          pending = null;
          savePending();
          receipt = refusalText(error);
        }
      }
      render();
    }
    if (pending) {
      receipt = t('SavedOnPhone');
      render();
    }
  }

  function upsert(poll) {
    const before = polls.get(poll.id);
    if (!poll.isOpen && !poll.resultsVisible) polls.delete(poll.id); else polls.set(poll.id, { ...before, ...poll });
    if (before?.round !== undefined && before.round !== poll.round) myVotes.delete(poll.id);
    const active = current();
    if (active && (!before || before.id !== active.id || before.round !== active.round)) {
      draft = freshDraft(active);
      receipt = myVotes.has(active.id) ? '✓ Your vote was counted.' : '';
    }
    if (poll.isOpen && !before?.isOpen) onPollOpened();
    render();
  }

  setInterval(() => { if (pending && connection.state === signalR.HubConnectionState.Connected) flush(); }, 5000);

  connection.on('PollChanged', upsert);
  connection.on('PollResultsChanged', (message) => {
    const poll = polls.get(message.pollId);
    if (poll?.resultsVisible) {
      poll.results = message.results;
      render();
    }
  });

  const keptKey = `ohl.kept-poll-draft.${code}`;
  return {
    /** Before the page reloads in another language: the answer in progress, kept for this tab until it is back. */
    keepForReload() {
      const before = current();
      if (!before || !draft) return;
      try { sessionStorage.setItem(keptKey, JSON.stringify({ id: before.id, round: before.round, draft })); } catch { /* lost with the reload */ }
    },
    /** `keepDraft` (a language switch): an answer in progress on the same poll stays. */
    async refresh({ keepDraft = false } = {}) {
      const before = current();
      let kept = keepDraft && before ? { id: before.id, round: before.round, draft } : null;
      try {
        kept ??= JSON.parse(sessionStorage.getItem(keptKey) ?? 'null');
        sessionStorage.removeItem(keptKey);
      } catch { /* nothing kept */ }
      const state = await connection.invoke('GetPolls', code);
      polls.clear();
      myVotes.clear();
      for (const [id, vote] of Object.entries(state.myVotes)) myVotes.set(id, vote);
      for (const poll of state.polls) polls.set(poll.id, poll);
      const active = current();
      if (kept && active && kept.id === active.id && kept.round === active.round) {
        draft = kept.draft;
      } else {
        draft = active ? freshDraft(active) : null;
        receipt = active && myVotes.has(active.id) ? `✓ ${t('VoteCounted')}` : '';
      }
      render();
      await flush();
    },
  };
}
