// The presenter's Q&A panel: every question, held and hidden ones included, with moderation actions. The queue
// comes a page at a time, held questions first (they wait for the presenter); "Load more questions" pages on.
// "Edit" opens a dialog (outside the list, so live updates do not disturb the typing); the server checks the
// new text for patient data again. The Q&A controls: questions open or closed, slow mode, and blocking the phone that
// sent a question (its questions are hidden; it is not told), with the list of blocked phones to unblock them.
import { QnaModel, timeAgo, errorMessage } from './qna-model.js';

export function setupModeration(connection, code) {
  const model = new QnaModel();
  const list = document.getElementById('moderation-list');
  if (!list) return { refresh: async () => {} };
  const empty = document.getElementById('moderation-empty');
  const count = document.getElementById('qna-count');
  const heldCount = document.getElementById('held-count');
  const error = document.getElementById('qna-error');
  const preModeration = document.getElementById('pre-moderation');
  const filters = document.querySelectorAll('[data-filter]');
  const more = document.getElementById('moderation-more');
  const questionsOpen = document.getElementById('questions-open');
  const slowMode = document.getElementById('slow-mode');
  const blockedPane = document.getElementById('blocked-phones');
  const blockedList = document.getElementById('blocked-list');
  const blockedCount = document.getElementById('blocked-count');
  let controls = { questionsOpen: true, slowModeSeconds: 0 };
  let filter = 'all';
  let loading = false;
  // Bumped at every (re)join: a page asked for before it belongs to the old queue and is dropped.
  let generation = 0;

  const editDialog = document.getElementById('edit-question');
  const editText = document.getElementById('edit-question-text');
  const editError = document.getElementById('edit-question-error');
  let editing = null;

  function edit(q) {
    editing = q.id;
    editText.value = q.text;
    editError.hidden = true;
    editDialog.returnValue = '';
    editDialog.showModal();
    editText.focus();
  }

  editDialog.addEventListener('close', async () => {
    const id = editing;
    if (editDialog.returnValue !== 'save' || id === null) return;
    try {
      model.upsert(await connection.invoke('EditQuestion', code, id, editText.value));
      editing = null;
      error.hidden = true;
    } catch (failure) {
      // Keep what was typed: the dialog opens again with the reason.
      editError.textContent = errorMessage(failure);
      editError.hidden = false;
      editDialog.returnValue = '';
      editDialog.showModal();
    }
  });

  async function act(id, action) {
    if (action === 'edit') {
      const question = model.questions.get(id);
      if (question) edit(question);
      return;
    }
    if (action === 'delete' && !window.confirm('Delete this question for good? Its votes go too.')) return;
    if (action === 'block') {
      if (!window.confirm('Block the phone that sent this question? All its questions are hidden from the room, and it can no longer ask, upvote or vote in this talk. It is not told.')) return;
      try {
        renderBlocked((await connection.invoke('BlockDevice', code, id)).blocked);
        error.hidden = true;
      } catch (failure) {
        error.textContent = errorMessage(failure);
        error.hidden = false;
      }
      return;
    }
    try {
      const question = await connection.invoke('ModerateQuestion', code, id, action);
      if (question) model.upsert(question); else { model.questions.delete(id); model.emit(); }
      error.hidden = true;
    } catch (failure) {
      error.textContent = errorMessage(failure);
      error.hidden = false;
    }
  }

  function actionsFor(q) {
    const actions = [];
    if (q.status !== 'visible') actions.push(['approve', q.status === 'held' ? 'Approve' : 'Show again']);
    actions.push(['edit', 'Edit…']);
    if (q.status === 'visible') actions.push(['hide', 'Hide']);
    if (q.status === 'visible') actions.push(q.answeringNow ? ['stop-answering', 'Stop answering'] : ['answer-now', 'Answer now']);
    actions.push(q.answered ? ['mark-unanswered', 'Mark unanswered'] : ['mark-answered', 'Mark answered']);
    actions.push(q.pinned ? ['unpin', 'Unpin'] : ['pin', 'Pin']);
    actions.push(['delete', 'Delete']);
    if (blockedList) actions.push(['block', 'Block phone…']);
    return actions;
  }

  function render() {
    const all = model.shown('queue', () => true, (q) => q.id === model.answeringId);
    const total = model.count ?? all.length;
    const held = model.held ?? all.filter((q) => q.status === 'held').length;
    count.textContent = total ? String(total) : '';
    heldCount.textContent = held ? `(${held})` : '';
    preModeration.checked = model.preModeration;
    const shown = all.filter((q) => filter === 'all' || q.status === filter);
    empty.hidden = shown.length > 0 || model.hasMore();
    more.hidden = !model.hasMore();
    more.disabled = loading;
    list.replaceChildren(...shown.map((q) => {
      const item = document.createElement('li');
      item.className = 'moderation-item';
      item.dataset.status = q.status;
      item.dataset.id = String(q.id);
      item.classList.toggle('is-answering', q.answeringNow);
      const text = document.createElement('p');
      text.className = 'question-text';
      text.dir = 'auto';
      text.textContent = q.text;
      const meta = document.createElement('p');
      meta.className = 'question-meta';
      const status = { visible: 'shown', held: 'held', hidden: 'hidden' }[q.status];
      meta.textContent = `${q.votes} ${q.votes === 1 ? 'vote' : 'votes'} · ${q.author ?? 'Anonymous'} · ${timeAgo(q.createdAt)} · ${status}`
        + (q.pinned ? ' · pinned' : '') + (q.answered ? ' · answered' : '') + (q.answeringNow ? ' · answering now' : '');
      item.append(text, meta);
      if (q.status === 'held' && q.heldReason) {
        const reason = document.createElement('p');
        reason.className = 'moderation-reason';
        reason.textContent = q.heldReason;
        item.append(reason);
      }
      const actions = document.createElement('div');
      actions.className = 'moderation-actions';
      for (const [action, label] of actionsFor(q)) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.action = action;
        button.textContent = label;
        if (action === 'delete' || action === 'block') button.className = 'danger';
        button.addEventListener('click', () => act(q.id, action));
        actions.append(button);
      }
      item.append(actions);
      return item;
    }));
  }

  model.onChange(render);

  /** The controls as the server last said: only a message that carries them changes them. */
  function renderControls(settings) {
    if (!questionsOpen) return;
    if (typeof settings.questionsOpen === 'boolean') controls.questionsOpen = settings.questionsOpen;
    if (typeof settings.slowModeSeconds === 'number') controls.slowModeSeconds = settings.slowModeSeconds;
    questionsOpen.checked = controls.questionsOpen;
    const value = String(controls.slowModeSeconds);
    // A value set elsewhere (another console, the hub) that the list does not offer gets its own entry.
    if (![...slowMode.options].some((option) => option.value === value)) slowMode.add(new Option(`${value} seconds`, value));
    slowMode.value = value;
  }

  function renderBlocked(blocked) {
    if (!blockedList) return;
    blockedPane.hidden = blocked.length === 0;
    blockedCount.textContent = blocked.length ? String(blocked.length) : '';
    blockedList.replaceChildren(...blocked.map((phone) => {
      const item = document.createElement('li');
      item.className = 'blocked-phone';
      const label = document.createElement('p');
      label.dir = 'auto';
      const asked = `${phone.questions} ${phone.questions === 1 ? 'question' : 'questions'}`;
      label.textContent = `Blocked ${timeAgo(phone.blockedAt)} · ${asked}` + (phone.lastQuestion ? ` · latest: “${phone.lastQuestion}”` : '');
      const unblock = document.createElement('button');
      unblock.type = 'button';
      unblock.className = 'control control--small';
      unblock.textContent = 'Unblock';
      unblock.addEventListener('click', async () => {
        try {
          renderBlocked((await connection.invoke('UnblockDevice', code, phone.id)).blocked);
          error.hidden = true;
        } catch (failure) {
          error.textContent = errorMessage(failure);
          error.hidden = false;
        }
      });
      item.append(label, unblock);
      return item;
    }));
  }

  async function changeControls(method, value) {
    try {
      const settings = await connection.invoke(method, code, value);
      model.applySettings(settings);
      renderControls(settings);
      error.hidden = true;
    } catch (failure) {
      renderControls({});
      error.textContent = errorMessage(failure);
      error.hidden = false;
    }
  }

  questionsOpen?.addEventListener('change', () => changeControls('SetQuestionsOpen', questionsOpen.checked));
  slowMode?.addEventListener('change', () => changeControls('SetSlowMode', Number(slowMode.value)));
  more.addEventListener('click', async () => {
    if (loading || !model.hasMore()) return;
    const of = generation;
    loading = true;
    render();
    try {
      const page = await connection.invoke('GetMoreModerationQueue', code, model.cursor('queue'));
      if (of !== generation) return;
      loading = false;
      model.addPage('queue', page.questions, page.next);
      error.hidden = true;
    } catch (failure) {
      if (of !== generation) return;
      loading = false;
      render();
      error.textContent = errorMessage(failure);
      error.hidden = false;
    }
  });
  preModeration.addEventListener('change', async () => {
    try {
      model.applySettings(await connection.invoke('SetPreModeration', code, preModeration.checked));
    } catch (failure) {
      error.textContent = errorMessage(failure);
      error.hidden = false;
    }
  });
  for (const button of filters) {
    button.addEventListener('click', () => {
      filter = button.dataset.filter;
      for (const other of filters) other.setAttribute('aria-pressed', String(other === button));
      render();
    });
  }
  connection.on('ModerationChanged', (changes) => model.applyChanges(changes));
  connection.on('QnaSettingsChanged', (settings) => {
    model.applySettings(settings);
    renderControls(settings);
  });
  connection.on('BlockedDevicesChanged', (message) => renderBlocked(message.blocked));

  return {
    async refresh() {
      const state = await connection.invoke('GetModerationQueue', code);
      // The first page of the queue, with the question being answered added after it when it ranks further down.
      const paged = state.questions.filter((q) => q.id !== state.answeringQuestionId);
      const edge = paged.length > 0 ? paged[paged.length - 1] : state.questions[state.questions.length - 1];
      generation++;
      loading = false;
      model.reset(state.questions, state.answeringQuestionId, state.preModeration,
        { order: 'queue', next: state.next, edge, count: state.count, held: state.held });
      renderControls(state);
      renderBlocked(state.blocked ?? []);
    },
  };
}
