// Polls on the phone: the poll appears when the presenter opens it, with large touch targets; the vote can be
// changed while the poll is open; a receipt says when it was counted; results appear when the presenter shows them.
import { t, chartText, refusalText } from './audience-text.js';
import { PollOutbox } from './poll-outbox.js';
import { deckLanguage, freshDraft, pollForm } from './poll-form.js';

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
  let receipt = '';

  const current = () => [...polls.values()].find((p) => p.isOpen)
    ?? [...polls.values()].filter((p) => p.resultsVisible).sort((a, b) => b.slideIndex - a.slideIndex)[0] ?? null;

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
    if (poll.isOpen) {
      parts.push(pollForm(poll, draft, { voted: myVotes.has(poll.id), waiting: outbox.pending !== null, changed: render, submit: () => submit(poll), panel }));
    }
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

  const outbox = new PollOutbox(connection, code, {
    answered: (item, result, latest) => {
      myVotes.set(item.pollId, result.answer);
      if (latest) receipt = result.held ? t('VoteHeld') : `✓ ${t(result.changed ? 'VoteChanged' : 'VoteCounted')}`;
    },
    refused: (item, error, latest) => {
      if (latest) receipt = refusalText(error);
    },
    settled: () => render(),
    waiting: () => {
      receipt = t('SavedOnPhone');
      render();
    },
  });

  async function submit(poll) {
    receipt = t('Sending');
    const sent = outbox.send(poll.id, draft);
    render();
    await sent;
  }

  function upsert(poll) {
    const before = polls.get(poll.id);
    if (!poll.isOpen && !poll.resultsVisible) polls.delete(poll.id); else polls.set(poll.id, { ...before, ...poll });
    if (before?.round !== undefined && before.round !== poll.round) myVotes.delete(poll.id);
    const active = current();
    if (active && (!before || before.id !== active.id || before.round !== active.round)) {
      draft = freshDraft(active, myVotes.get(active.id));
      receipt = myVotes.has(active.id) ? `✓ ${t('VoteCounted')}` : '';
    }
    if (poll.isOpen && !before?.isOpen) onPollOpened();
    render();
  }

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
        draft = active ? freshDraft(active, myVotes.get(active.id)) : null;
        receipt = active && myVotes.has(active.id) ? `✓ ${t('VoteCounted')}` : '';
      }
      render();
      // What waits is sent at once after every (re)join.
      await outbox.flush();
    },
  };
}
