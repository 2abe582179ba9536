// The Q&A board: the most-voted open questions and the one being answered, for the projector.
import { connectLive } from './live-connection.js';
import { QnaModel } from './qna-model.js';

const SHOWN = 6;
const root = document.getElementById('board');
const code = root.dataset.code;
const list = document.getElementById('board-list');
const empty = document.getElementById('board-empty');
const answering = document.getElementById('answering-now');
const model = new QnaModel();

model.onChange(() => {
  const now = model.answering;
  answering.hidden = !now;
  if (now) answering.querySelector('.answering-text').textContent = now.text;
  const top = model.sorted('top', (q) => !q.answered && q.id !== model.answeringId).slice(0, SHOWN);
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
});

const connection = connectLive({
  onStatus: (state) => { root.dataset.connection = state; },
  onConnected: async (hub) => {
    await hub.invoke('JoinAsPresenter', code);
    const state = await hub.invoke('GetQuestions', code);
    model.reset(state.questions, state.answeringQuestionId);
  },
});
connection.on('QuestionsChanged', (changes) => model.applyChanges(changes));
connection.on('QnaSettingsChanged', (settings) => model.applySettings(settings));
