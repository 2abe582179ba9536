// The console's "End of the talk" panel: end the talk (phones close questions and votes), reopen it, and erase
// what the audience sent after a confirmation that says how much will go.
import { errorMessage } from './qna-model.js';

export function setupPrivacyPanel(connection, code, { onErased }) {
  const pane = document.getElementById('privacy-pane');
  if (!pane) return { joined() {} };
  const status = document.getElementById('talk-status');
  const endButton = document.getElementById('end-talk');
  const reopenButton = document.getElementById('reopen-talk');
  const eraseButton = document.getElementById('erase-talk');
  const error = document.getElementById('privacy-error');
  const dialog = document.getElementById('erase-dialog');
  const counts = document.getElementById('erase-counts');
  const keep = document.getElementById('erase-keep');
  const keepLabel = document.getElementById('erase-keep-label');
  const published = document.getElementById('erase-published');
  const confirmButton = document.getElementById('erase-confirm');
  const eraseError = document.getElementById('erase-error');
  const lang = document.documentElement.lang || undefined;
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' });
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  let erasedAt = pane.dataset.erasedAt || null;

  function show({ ended, endedAt, deleteAfter, erasedAt: erased }) {
    status.dataset.ended = String(ended);
    const parts = [];
    if (ended) {
      parts.push(endedAt ? `Ended at ${time.format(new Date(endedAt))}.` : 'The talk has ended.');
      if (deleteAfter) parts.push(`What the audience sent is deleted on ${day.format(new Date(deleteAfter))}.`);
    } else {
      parts.push('The talk is running.');
    }
    if (erased) parts.push(`Audience data erased at ${time.format(new Date(erased))}.`);
    status.textContent = parts.join(' ');
    endButton.hidden = ended;
    reopenButton.hidden = !ended;
    if (erased && erased !== erasedAt) {
      erasedAt = erased;
      onErased();
    }
  }

  function fail(element, e) {
    element.textContent = errorMessage(e);
    element.hidden = false;
  }

  async function call(method, ...args) {
    error.hidden = true;
    try {
      const result = await connection.invoke(method, code, ...args);
      if (result && typeof result.ended === 'boolean') show(result);
      return result;
    } catch (e) {
      fail(error, e);
      return null;
    }
  }

  endButton.addEventListener('click', () => {
    if (window.confirm('End the talk? Every phone shows that it has ended, and no more questions or votes are taken. You can reopen it.')) call('EndSession');
  });
  reopenButton.addEventListener('click', () => call('ReopenSession'));

  // Erasing is the organiser's: for a speaker the page has neither the button nor the dialog.
  eraseButton?.addEventListener('click', async () => {
    const found = await call('GetAudienceDataCounts');
    if (!found) return;
    const lines = [
      `${plural(found.questions, 'question', 'questions')}${found.heldQuestions > 0 ? ` (${found.heldQuestions} held for review)` : ''}`,
      plural(found.questionVotes, 'upvote', 'upvotes'),
      plural(found.pollVotes, 'poll vote', 'poll votes'),
    ];
    counts.replaceChildren(...lines.map((line) => {
      const item = document.createElement('li');
      const [number, ...rest] = line.split(' ');
      const strong = document.createElement('strong');
      strong.textContent = number;
      item.append(strong, ` ${rest.join(' ')}`);
      return item;
    }));
    const from = document.createElement('li');
    from.textContent = `from ${plural(found.phones, 'phone', 'phones')}, and every link between a phone and what it sent`;
    counts.append(from);
    keepLabel.hidden = found.publishedPolls === 0;
    keep.checked = true;
    published.textContent = plural(found.publishedPolls, 'poll', 'polls');
    eraseError.hidden = true;
    confirmButton.disabled = false;
    dialog.showModal();
    document.getElementById('erase-cancel').focus();
  });
  document.getElementById('erase-cancel')?.addEventListener('click', () => dialog.close());
  confirmButton?.addEventListener('click', async () => {
    confirmButton.disabled = true;
    try {
      const erased = await connection.invoke('EraseSession', code, keep.checked);
      dialog.close();
      error.hidden = true;
      status.textContent = `Erased: ${plural(erased.questions, 'question', 'questions')}, ${plural(erased.questionVotes, 'upvote', 'upvotes')} and ${plural(erased.pollVotes, 'poll vote', 'poll votes')} deleted.`;
      endButton.hidden = true;
      reopenButton.hidden = false;
    } catch (e) {
      confirmButton.disabled = false;
      fail(eraseError, e);
    }
  });

  connection.on('SessionStatusChanged', show);
  show({ ended: status.dataset.ended === 'true', endedAt: pane.dataset.endedAt || null, deleteAfter: pane.dataset.deleteAfter || null, erasedAt: erasedAt });
  return {
    joined(state) {
      if (typeof state?.ended === 'boolean' && state.ended !== (status.dataset.ended === 'true')) {
        show({ ended: state.ended, endedAt: null, deleteAfter: null, erasedAt });
      }
    },
  };
}
