// Questions on the phone: ask (anonymous unless a name is given), upvote once (tap again to take it back), sort by
// top or newest, and see the question being answered. This file holds what the phone knows (its votes, its own
// questions, the order shown) and wires the parts: the form (qna-ask-form.js) with the Q&A controls
// (qna-controls.js), the list's pages (qna-pages.js) and its drawing (qna-list-view.js), and the sending
// (qna-sending.js, through qna-outbox.js).
import { QnaModel } from './qna-model.js';
import { t } from './audience-text.js';
import { askForm } from './qna-ask-form.js';
import { QnaControls } from './qna-controls.js';
import { QuestionPages } from './qna-pages.js';
import { renderOwnQuestions, renderQuestions } from './qna-list-view.js';
import { heldReason, qnaSending } from './qna-sending.js';

export function setupQna(connection, code) {
  const model = new QnaModel();
  const result = document.getElementById('ask-result');
  const sortButtons = document.querySelectorAll('[data-sort]');
  let order = 'top';
  // This phone's votes and its own questions; `mine` (their ids) are shown wherever they rank, even past the pages loaded.
  const phone = { voted: new Set(), own: [], mine: new Set() };

  const showResult = (kind, message) => { result.dataset.kind = kind; result.textContent = message; };
  const form = askForm({ connection, code, outbox: () => outbox, controls: () => controls, showResult, renderOwn });
  const controls = new QnaControls({ form: form.form, hasDraft: form.hasDraft });
  const pages = new QuestionPages(connection, code, model, { order: () => order, render, showResult });
  const { outbox, toggleVote } = qnaSending(connection, code, { phone, model, controls, form, showResult, render, renderOwn });

  function renderOwn() {
    // A held question the presenter approves arrives on the list: it is no longer held.
    phone.own = phone.own.map((q) => (model.questions.has(q.id) ? { ...q, status: 'visible' } : q));
    renderOwnQuestions([
      ...outbox.questions.map((p) => ({ text: p.text, status: 'waiting', reason: t('PendingReason') })),
      ...phone.own.filter((q) => q.status !== 'visible'),
    ]);
  }

  function render() {
    const questions = model.shown(order, () => true, (q) => phone.mine.has(q.id) || q.id === model.answeringId);
    renderQuestions({
      questions, total: model.count ?? questions.length, hasMore: model.hasMore(), loading: pages.loading,
      answering: model.answering, answeringId: model.answeringId, voted: phone.voted, waitingVotes: outbox.votes, onVote: toggleVote,
    });
    renderOwn();
  }

  model.onChange(render);

  for (const button of sortButtons) {
    button.addEventListener('click', () => {
      order = button.dataset.sort;
      for (const other of sortButtons) other.setAttribute('aria-pressed', String(other === button));
      render();
      if (model.needsFirstPage(order)) pages.loadMore();
    });
  }

  connection.on('QuestionsChanged', (changes) => model.applyChanges(changes));
  connection.on('QnaSettingsChanged', (settings) => {
    model.applySettings(settings);
    controls.apply(settings);
  });

  return {
    /** Loads the first page of questions and this phone's votes; call after every (re)join. */
    async refresh() {
      const state = await connection.invoke('GetQuestions', code);
      phone.voted = new Set(state.votedQuestionIds);
      // Votes still waiting to be sent win over what the server knows: they are newer.
      for (const [id, up] of outbox.votes) { if (up) phone.voted.add(id); else phone.voted.delete(id); }
      phone.own = state.own.map((q) => ({ ...q, reason: q.reason && heldReason(q.heldAs, q.reason) }));
      phone.mine = new Set(phone.own.map((q) => q.id));
      // The server's "how long ago", not a time of day: the phone's clock may be wrong.
      controls.askedSecondsAgo(state.secondsSinceLastQuestion);
      controls.apply(state);
      // The answer is the first "top" page with this phone's own questions and the one being answered added after
      // it: the page ends at its last question that is neither.
      const paged = state.questions.filter((q) => !phone.mine.has(q.id) && q.id !== state.answeringQuestionId);
      const edge = paged.length > 0 ? paged[paged.length - 1] : state.questions[state.questions.length - 1];
      pages.restart();
      model.reset(state.questions, state.answeringQuestionId, undefined, { order: 'top', next: state.next, edge, count: state.count });
      if (model.needsFirstPage(order)) await pages.loadMore();
      // What waits is sent at once after every (re)join.
      await outbox.flush();
    },
  };
}
