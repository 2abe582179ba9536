// The console's rehearsal bar: "Go live…" asks first, saying how much the rehearsal collected, then wipes it and
// starts the talk on the first slide. Every console of the session drops the bar when it goes live.
import { errorMessage } from './qna-model.js';

export function setupRehearsal(connection, code, { onLive }) {
  const bar = document.getElementById('rehearsal-bar');
  if (!bar) return;
  const error = document.getElementById('rehearsal-error');
  const dialog = document.getElementById('go-live-dialog');
  const counts = document.getElementById('go-live-counts');
  const dialogError = document.getElementById('go-live-error');
  const confirmButton = document.getElementById('go-live-confirm');
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  function line(number, text) {
    const item = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = String(number);
    item.append(strong, ` ${text}`);
    return item;
  }

  function live() {
    bar.remove();
    if (dialog.open) dialog.close();
    onLive();
  }

  document.getElementById('go-live').addEventListener('click', async () => {
    error.hidden = true;
    let found;
    try {
      found = await connection.invoke('GetAudienceDataCounts', code);
    } catch (e) {
      error.textContent = errorMessage(e);
      error.hidden = false;
      return;
    }
    counts.replaceChildren(
      line(found.questions, `${found.questions === 1 ? 'question' : 'questions'}${found.heldQuestions > 0 ? ` (${found.heldQuestions} held for review)` : ''}`),
      line(found.questionVotes, found.questionVotes === 1 ? 'upvote' : 'upvotes'),
      line(found.pollVotes, found.pollVotes === 1 ? 'poll vote' : 'poll votes'),
    );
    const from = document.createElement('li');
    from.textContent = `from ${plural(found.phones, 'phone', 'phones')}; and every poll's results, shown or not`;
    counts.append(from);
    dialogError.hidden = true;
    confirmButton.disabled = false;
    dialog.showModal();
    document.getElementById('go-live-cancel').focus();
  });
  document.getElementById('go-live-cancel').addEventListener('click', () => dialog.close());
  confirmButton.addEventListener('click', async () => {
    confirmButton.disabled = true;
    try {
      await connection.invoke('GoLive', code);
      live();
    } catch (e) {
      confirmButton.disabled = false;
      dialogError.textContent = errorMessage(e);
      dialogError.hidden = false;
    }
  });
  // Another console of the session went live.
  connection.on('SessionStatusChanged', (status) => {
    if (status.code === code && status.rehearsal === false && document.body.contains(bar)) live();
  });
}
