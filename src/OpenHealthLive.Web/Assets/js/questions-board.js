// The Q&A board: the most-voted open questions and the one being answered, for the projector.
import { connectLive } from './live-connection.js';
import { QnaModel } from './qna-model.js';

const SHOWN = 6;
const root = document.getElementById('board');
const code = root.dataset.code;
const list = document.getElementById('board-list');
const empty = document.getElementById('board-empty');
const answering = document.getElementById('answering-now');
const answeringVotes = answering.querySelector('.answering-votes');
const model = new QnaModel();
let loading = false;

/** The open questions to show: the list comes a page at a time, so answered ones may use up a page. */
const openQuestions = () => model.shown('top', (q) => !q.answered && q.id !== model.answeringId);

/** Asks for further pages until the board is full (or the list is at its end). */
async function fill() {
  if (loading) return;
  loading = true;
  try {
    while (openQuestions().length < SHOWN && model.hasMore() && connection.state === signalR.HubConnectionState.Connected) {
      const page = await connection.invoke('GetMoreQuestions', code, 'top', model.cursor('top'));
      model.addPage('top', page.questions, page.next);
    }
  } finally {
    loading = false;
  }
}

model.onChange(() => {
  const now = model.answering;
  answering.hidden = !now;
  if (now) {
    answering.querySelector('.answering-text').textContent = now.text;
    answeringVotes.querySelector('.count').textContent = String(now.votes);
    answeringVotes.querySelector('.unit').textContent = now.votes === 1 ? 'vote' : 'votes';
  }
  const top = openQuestions().slice(0, SHOWN);
  if (top.length < SHOWN && model.hasMore()) fill().catch(() => { /* the next change or reconnect tries again */ });
  empty.hidden = top.length > 0 || Boolean(now);
  list.replaceChildren(...top.map((q) => {
    const item = document.createElement('li');
    const votes = document.createElement('span');
    votes.className = 'board-votes';
    votes.textContent = String(q.votes);
    votes.setAttribute('aria-label', `${q.votes} votes`);
    const text = document.createElement('p');
    text.className = 'question-text';
    text.dir = 'auto';
    text.textContent = q.text;
    const body = document.createElement('div');
    body.append(text);
    if (q.pinned) {
      // Pinned questions lead the list whatever their votes: say so, or the order looks wrong to the room.
      const meta = document.createElement('p');
      meta.className = 'question-meta';
      meta.textContent = 'Pinned by the speaker';
      body.append(meta);
    }
    item.append(votes, body);
    return item;
  }));
  fitList();
});

/**
 * Hides the questions that do not fit below the others, whole: a question cut in half at the bottom of the screen
 * reads as a different question. The board's text is large, so on a long question fewer fit.
 */
function fitList() {
  const items = [...list.children];
  for (const item of items) item.hidden = false;
  const bottom = list.getBoundingClientRect().bottom;
  let full = false;
  for (const item of items) {
    full = full || item.getBoundingClientRect().bottom > bottom + 1;
    item.hidden = full;
  }
}

window.addEventListener('resize', fitList);
// The board's fonts may arrive after the first questions: their size decides what fits.
document.fonts?.ready.then(fitList);

const connection = connectLive({
  onStatus: (state) => { root.dataset.connection = state; },
  onConnected: async (hub) => {
    await hub.invoke('JoinAsPresenter', code);
    const state = await hub.invoke('GetQuestions', code);
    // The first "top" page, with the question being answered added after it when it ranks further down.
    const paged = state.questions.filter((q) => q.id !== state.answeringQuestionId);
    const edge = paged.length > 0 ? paged[paged.length - 1] : state.questions[state.questions.length - 1];
    model.reset(state.questions, state.answeringQuestionId, undefined, { order: 'top', next: state.next, edge, count: state.count });
  },
});
connection.on('QuestionsChanged', (changes) => model.applyChanges(changes));
connection.on('QnaSettingsChanged', (settings) => model.applySettings(settings));
