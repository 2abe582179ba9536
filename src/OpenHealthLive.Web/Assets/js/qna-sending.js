// What the phone sends: questions and votes go through the outbox (qna-outbox.js), which keeps each with its
// client-made id until the server confirms it is stored, so a retry after a lost connection never doubles it. Here the
// server's answers are applied to what the phone shows, and a refused vote is taken back.
import { isRefusal } from './refusal.js';
import { QnaOutbox } from './qna-outbox.js';
import { t, refusalText } from './audience-text.js';

/** Why a question is held, in the page's language (the server's English is for the presenter). */
export const heldReason = (heldAs, english) => (heldAs ? t(`Held.${heldAs}`) : english);

/**
 * @param {signalR.HubConnection} connection
 * @param {string} code
 * @param {{ phone: { voted: Set<number>, own: object[], mine: Set<number> }, model: import('./qna-model.js').QnaModel,
 *   controls: import('./qna-controls.js').QnaControls, form: { giveBack: (text: string) => void },
 *   showResult: (kind: string, message: string) => void, render: () => void, renderOwn: () => void }} view
 */
export function qnaSending(connection, code, { phone, model, controls, form, showResult, render, renderOwn }) {
  const outbox = new QnaOutbox(connection, code, {
    asked: (item, answer) => {
      controls.asked();
      phone.mine.add(answer.questionId);
      if (answer.status === 'sent') {
        if (answer.question) model.upsert(answer.question);
        // The server's words are English; a question that went through is said in the page's language.
        showResult('sent', t('QuestionSent'));
      } else {
        const reason = heldReason(answer.heldAs, answer.message);
        phone.own = [...phone.own.filter((q) => q.id !== answer.questionId), { id: answer.questionId, text: answer.text ?? item.text, status: answer.status, reason }];
        showResult('held', reason);
      }
      renderOwn();
    },
    voted: (id, answer) => {
      const question = model.questions.get(id);
      if (question) model.upsert({ ...question, votes: answer.votes }); else render();
    },
    questionRefused: (item, error) => {
      // Refused when sent again (questions closed meanwhile, slow mode…): back in the box, so nothing typed is lost.
      form.giveBack(item.text);
      showResult('error', t('NotSent', refusalText(error)));
      renderOwn();
      controls.render();
    },
  });

  async function toggleVote(id) {
    const { voted } = phone;
    const up = !voted.has(id);
    // Show it at once; the server's answer (or the next update) corrects the count.
    if (up) voted.add(id); else voted.delete(id);
    const sent = outbox.vote(id, up);
    render();
    try {
      if (await sent === null) showResult('waiting', t('VoteSaved'));
    } catch (error) {
      if (!isRefusal(error)) {
        showResult('waiting', t('VoteSaved'));
        return;
      }
      if (up) voted.delete(id); else voted.add(id);
      render();
      showResult('error', refusalText(error));
    }
  }

  return { outbox, toggleVote };
}
