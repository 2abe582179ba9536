// Draws the phone's question list and its own questions from what audience-qna.js holds. Question text is untrusted:
// it only ever goes into the page as text.
import { timeAgo } from './qna-model.js';
import { t, number, plural } from './audience-text.js';

const element = (tag, className, text) => {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
};

/**
 * One question of the list, with its upvote button.
 * @param {object} q  the question
 * @param {{ voted: boolean, waiting: boolean, answering: boolean, onVote: () => void }} state
 */
function questionItem(q, { voted, waiting, answering, onVote }) {
  const item = element('li', 'question');
  item.dataset.id = String(q.id);
  item.classList.toggle('is-answering', answering);
  item.classList.toggle('is-answered', q.answered);
  const vote = element('button', 'vote');
  vote.type = 'button';
  vote.setAttribute('aria-pressed', String(voted));
  vote.toggleAttribute('data-waiting', waiting);
  vote.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 5l7 9H5z"/></svg>';
  // The name is the button's own text, so it holds the visible count (WCAG 2.5.3, label in name).
  vote.append(
    element('span', 'visually-hidden', `${voted ? t('TakeBackVote') : t('Upvote')}, `),
    element('span', 'count', number(q.votes)),
    element('span', 'visually-hidden', ` ${plural(q.votes, 'VoteOne', 'VoteOther')}${waiting ? `, ${t('VoteWaiting')}` : ''}`));
  vote.addEventListener('click', onVote);
  const paragraph = element('p', 'question-text', q.text);
  paragraph.dir = 'auto';
  const meta = element('p', 'question-meta', `${q.author ?? t('Anonymous')} · ${timeAgo(q.createdAt)}`);
  for (const [flag, label] of [[answering, t('AnsweringNow')], [q.answered, t('Answered')], [q.pinned, t('Pinned')]]) {
    if (flag) meta.append(' ', element('span', 'badge', label));
  }
  const body = element('div', 'question-body');
  body.append(paragraph, meta);
  item.append(vote, body);
  return item;
}

/**
 * The list, the tab's count, "Show more questions" and the question being answered.
 * @param {{ questions: object[], total: number, hasMore: boolean, loading: boolean, answering: object|null, answeringId: number|null,
 *   voted: Set<number>, waitingVotes: Map<number, boolean>, onVote: (id: number) => void }} view
 */
export function renderQuestions(view) {
  const { questions } = view;
  document.getElementById('questions-tab-count').textContent = view.total > 0 ? String(view.total) : '';
  document.getElementById('questions-empty').hidden = questions.length > 0 || view.hasMore;
  const more = document.getElementById('more-questions');
  more.hidden = !view.hasMore;
  more.disabled = view.loading;
  const answering = document.getElementById('answering-now');
  answering.hidden = !view.answering;
  if (view.answering) answering.querySelector('.answering-text').textContent = view.answering.text;
  document.getElementById('question-list').replaceChildren(...questions.map((q) => questionItem(q, {
    voted: view.voted.has(q.id),
    waiting: view.waitingVotes.has(q.id),
    answering: q.id === view.answeringId,
    onVote: () => view.onVote(q.id),
  })));
}

/** This phone's questions not on the list: waiting to be sent, held for review, or not shown. */
export function renderOwnQuestions(items) {
  const ownList = document.getElementById('own-questions');
  ownList.replaceChildren(...items.map((q) => {
    const item = element('li', `own-question own-question--${q.status}`);
    item.append(
      element('strong', '', q.status === 'held' ? t('Held') : q.status === 'waiting' ? t('WaitingToSend') : t('NotShown')),
      Object.assign(element('p', '', q.text), { dir: 'auto' }));
    if (q.reason) item.append(element('p', 'own-reason', q.reason));
    return item;
  }));
  ownList.hidden = items.length === 0;
}
