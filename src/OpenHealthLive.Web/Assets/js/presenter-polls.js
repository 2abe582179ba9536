// The presenter's poll panel: every poll of the deck, with live counts even while results are hidden from the
// room; open and close, show and hide results, reset (after a confirmation). Typed answers the patient-data guard
// held are listed under their poll, masked, with the reason: they are in no count the room or an export sees.
import { renderChart } from './poll-chart.js';
import { errorMessage } from './qna-model.js';

export function setupPollPanel(connection, code, getSlide) {
  const list = document.getElementById('poll-list');
  if (!list) return { refresh: async () => {}, slideChanged() {} };
  const error = document.getElementById('poll-error');
  const polls = new Map();

  async function act(method, poll, ...args) {
    if (method === 'ResetPoll' && !window.confirm(`Reset “${poll.question}”? Every answer so far stops counting and phones can vote again.`)) return;
    try {
      upsert(await connection.invoke(method, code, poll.id, ...args));
      error.hidden = true;
    } catch (failure) {
      error.textContent = errorMessage(failure);
      error.hidden = false;
    }
  }

  function button(label, onClick, className = '') {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function render() {
    const slide = getSlide();
    const items = [...polls.values()].sort((a, b) => a.slideIndex - b.slideIndex);
    list.replaceChildren(...items.map((poll) => {
      const item = document.createElement('li');
      item.className = 'poll-item';
      item.dataset.pollId = poll.id;
      item.classList.toggle('is-current', poll.slideIndex === slide);
      item.classList.toggle('is-open', poll.isOpen);
      const head = document.createElement('div');
      head.className = 'poll-item-head';
      const title = document.createElement('h3');
      title.textContent = poll.question;
      const meta = document.createElement('p');
      meta.className = 'question-meta';
      meta.textContent = `Slide ${poll.slideIndex + 1} · ${poll.type} · ${poll.isOpen ? 'open' : 'closed'} · results ${poll.resultsVisible ? 'shown to the room' : 'hidden from the room'}`
        + (poll.round > 0 ? ` · round ${poll.round + 1}` : '') + (poll.autoOpen ? ' · opens on its slide' : '');
      head.append(title, meta);
      const actions = document.createElement('div');
      actions.className = 'moderation-actions';
      actions.append(
        poll.isOpen ? button('Close', () => act('ClosePoll', poll)) : button('Open', () => act('OpenPoll', poll)),
        button(poll.resultsVisible ? 'Hide results' : 'Show results', () => act('ShowPollResults', poll, !poll.resultsVisible)),
        button('Reset…', () => act('ResetPoll', poll), 'danger'),
        Object.assign(document.createElement('a'), { href: `/p/${code}/${poll.id}`, target: 'ohl-results', textContent: 'Results page' }));
      const chart = document.createElement('div');
      chart.className = 'poll-item-chart';
      renderChart(chart, poll, poll.results);
      item.append(head, actions, chart);
      if (poll.heldAnswers?.length) item.append(heldAnswers(poll.heldAnswers));
      return item;
    }));
    document.getElementById('poll-empty').hidden = items.length > 0;
  }

  function heldAnswers(held) {
    const box = document.createElement('div');
    box.className = 'held-answers';
    const title = document.createElement('h4');
    title.textContent = `Held, not counted (${held.length})`;
    const list = document.createElement('ul');
    list.setAttribute('aria-label', 'Held answers');
    for (const answer of held) {
      const line = document.createElement('li');
      const text = document.createElement('span');
      text.dir = 'auto';
      text.textContent = answer.text;
      const reason = document.createElement('p');
      reason.className = 'moderation-reason';
      reason.textContent = answer.reason;
      line.append(text, reason);
      list.append(line);
    }
    box.append(title, list);
    return box;
  }

  function upsert(poll) {
    polls.set(poll.id, { ...polls.get(poll.id), ...poll });
    render();
  }

  connection.on('PollUpdated', upsert);
  connection.on('PollResultsChanged', (message) => {
    const poll = polls.get(message.pollId);
    if (poll) {
      poll.results = message.results;
      render();
    }
  });

  return {
    async refresh() {
      polls.clear();
      for (const poll of await connection.invoke('GetPollDashboard', code)) polls.set(poll.id, poll);
      render();
    },
    slideChanged: render,
  };
}
