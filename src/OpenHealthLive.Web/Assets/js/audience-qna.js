// Questions on the phone: ask (anonymous unless a name is given), upvote once (tap again to take it back),
// sort by top or newest, and see the question being answered. A post is kept on the phone, with its
// client-made id, until the server confirms it is stored: a retry after a lost connection never doubles it.
// The list comes a page at a time ("Show more questions"): a talk can hold a thousand questions.
// The speaker or moderator can close questions (the form gives way to "Questions are closed"; what was typed stays,
// on this phone, to send when they open again) and set slow mode (the phone shows when it may ask again, counted from
// what the server says of its last question, so a wrong phone clock does not matter).
import { QnaModel, timeAgo, newClientId } from './qna-model.js';
import { isRefusal, refusalOf, NOT_SAVED } from './refusal.js';
import { QnaOutbox } from './qna-outbox.js';
import { t, number, plural, refusalText } from './audience-text.js';

const DRAFT_KEY = (code) => `ohl.question-draft.${code}`;

export function setupQna(connection, code) {
  const model = new QnaModel();
  const form = document.getElementById('ask-form');
  const text = document.getElementById('question-text');
  const author = document.getElementById('question-author');
  const counter = document.getElementById('question-count');
  const result = document.getElementById('ask-result');
  const list = document.getElementById('question-list');
  const empty = document.getElementById('questions-empty');
  const answering = document.getElementById('answering-now');
  const ownList = document.getElementById('own-questions');
  const tabCount = document.getElementById('questions-tab-count');
  const sortButtons = document.querySelectorAll('[data-sort]');
  const more = document.getElementById('more-questions');
  const askButton = form.querySelector('button[type="submit"]');
  const slowNote = document.getElementById('slow-mode-note');
  const closedBox = document.getElementById('questions-closed');
  const closedDraft = document.getElementById('questions-closed-draft');
  let questionsOpen = true;
  let slowModeSeconds = 0;
  /** When this phone last asked, on this phone's clock (null: not in this talk, as far as the server knows). */
  let lastAskedAt = null;
  let waitTimer = null;
  let order = 'top';
  let voted = new Set();
  let own = [];
  /** Ids of this phone's questions: shown wherever they rank, even past the pages loaded. */
  let mine = new Set();
  let loading = false;
  // Bumped at every (re)join: a page asked for before it belongs to the old list and is dropped.
  let generation = 0;

  // What this phone sent and the server has not confirmed yet: kept, sent and retried by the outbox.
  const outbox = new QnaOutbox(connection, code, {
    asked: (item, answer) => {
      lastAskedAt = Date.now();
      renderControls();
      mine.add(answer.questionId);
      if (answer.status === 'sent') {
        if (answer.question) model.upsert(answer.question);
        // The server's words are English; a question that went through is said in the page's language.
        showResult('sent', t('QuestionSent'));
      } else {
        own = [...own.filter((q) => q.id !== answer.questionId), { id: answer.questionId, text: answer.text ?? item.text, status: answer.status, reason: heldReason(answer.heldAs, answer.message) }];
        showResult('held', heldReason(answer.heldAs, answer.message));
      }
      renderOwn();
    },
    voted: (id, answer) => {
      const question = model.questions.get(id);
      if (question) model.upsert({ ...question, votes: answer.votes }); else render();
    },
    questionRefused: (item, error) => {
      // Refused when sent again (questions closed meanwhile, slow mode…): back in the box, so nothing typed is lost.
      if (!text.value.trim()) {
        text.value = item.text;
        writeDraft(item.text);
        showCount();
      }
      showResult('error', t('NotSent', refusalText(error)));
      renderOwn();
      renderControls();
    },
  });

  // What is typed stays on this phone (a reload, a long close) until it is sent.
  const writeDraft = (value) => {
    try { if (value) localStorage.setItem(DRAFT_KEY(code), value); else localStorage.removeItem(DRAFT_KEY(code)); } catch { /* memory only */ }
  };
  const showCount = () => { counter.textContent = `${number(text.value.length)} / ${number(text.maxLength)}`; };
  try {
    const draft = localStorage.getItem(DRAFT_KEY(code));
    if (draft && !text.value) { text.value = draft; showCount(); }
  } catch { /* private mode: nothing kept */ }

  /** Seconds until slow mode lets this phone ask again (0: now). */
  function slowWait() {
    if (!slowModeSeconds || lastAskedAt === null) return 0;
    return Math.max(0, Math.ceil((lastAskedAt + slowModeSeconds * 1000 - Date.now()) / 1000));
  }

  const period = (seconds) => (seconds % 60 === 0 ? t('Minutes', seconds / 60) : t('Seconds', seconds));
  const minutesAndSeconds = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

  /** Shows the Q&A controls: the form or "Questions are closed", and slow mode's wait. */
  function renderControls() {
    form.hidden = !questionsOpen;
    closedBox.hidden = questionsOpen;
    closedDraft.hidden = questionsOpen || text.value.trim() === '';
    const wait = slowWait();
    askButton.disabled = wait > 0;
    slowNote.hidden = slowModeSeconds === 0;
    slowNote.dataset.waiting = String(wait > 0);
    slowNote.textContent = (slowModeSeconds === 60 ? t('SlowModeMinute') : t('SlowMode', period(slowModeSeconds)))
      + (wait > 0 ? ` ${t('AskAgain', minutesAndSeconds(wait))}` : '');
    if (wait > 0 && waitTimer === null) {
      waitTimer = setInterval(renderControls, 1000);
    } else if (wait === 0 && waitTimer !== null) {
      clearInterval(waitTimer);
      waitTimer = null;
    }
  }

  function applyControls(settings) {
    if (typeof settings.questionsOpen === 'boolean') questionsOpen = settings.questionsOpen;
    if (typeof settings.slowModeSeconds === 'number') slowModeSeconds = settings.slowModeSeconds;
    renderControls();
  }

  /** Why a question is held, in the page's language (the server's English is for the presenter). */
  function heldReason(heldAs, english) {
    return heldAs ? t(`Held.${heldAs}`) : english;
  }

  function showResult(kind, message) {
    result.dataset.kind = kind;
    result.textContent = message;
  }

  function renderOwn() {
    // A held question the presenter approves arrives on the list: it is no longer held.
    own = own.map((q) => (model.questions.has(q.id) ? { ...q, status: 'visible' } : q));
    ownList.replaceChildren();
    const items = [
      ...outbox.questions.map((p) => ({ text: p.text, status: 'waiting', reason: t('PendingReason') })),
      ...own.filter((q) => q.status !== 'visible'),
    ];
    for (const q of items) {
      const item = document.createElement('li');
      item.className = `own-question own-question--${q.status}`;
      const label = document.createElement('strong');
      label.textContent = q.status === 'held' ? t('Held') : q.status === 'waiting' ? t('WaitingToSend') : t('NotShown');
      const body = document.createElement('p');
      body.dir = 'auto';
      body.textContent = q.text;
      item.append(label, body);
      if (q.reason) {
        const reason = document.createElement('p');
        reason.className = 'own-reason';
        reason.textContent = q.reason;
        item.append(reason);
      }
      ownList.append(item);
    }
    ownList.hidden = items.length === 0;
  }

  function render() {
    const questions = model.shown(order, () => true, (q) => mine.has(q.id) || q.id === model.answeringId);
    const total = model.count ?? questions.length;
    tabCount.textContent = total > 0 ? String(total) : '';
    empty.hidden = questions.length > 0 || model.hasMore();
    more.hidden = !model.hasMore();
    more.disabled = loading;
    const now = model.answering;
    answering.hidden = !now;
    if (now) answering.querySelector('.answering-text').textContent = now.text;

    list.replaceChildren(...questions.map((q) => {
      const item = document.createElement('li');
      item.className = 'question';
      item.dataset.id = String(q.id);
      item.classList.toggle('is-answering', q.id === model.answeringId);
      item.classList.toggle('is-answered', q.answered);
      const vote = document.createElement('button');
      vote.type = 'button';
      vote.className = 'vote';
      vote.setAttribute('aria-pressed', String(voted.has(q.id)));
      const waiting = outbox.votes.has(q.id);
      vote.toggleAttribute('data-waiting', waiting);
      vote.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 5l7 9H5z"/></svg>';
      // The name is the button's own text, so it holds the visible count (WCAG 2.5.3, label in name).
      const action = document.createElement('span');
      action.className = 'visually-hidden';
      action.textContent = `${voted.has(q.id) ? t('TakeBackVote') : t('Upvote')}, `;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = number(q.votes);
      const unit = document.createElement('span');
      unit.className = 'visually-hidden';
      unit.textContent = ` ${plural(q.votes, 'VoteOne', 'VoteOther')}${waiting ? `, ${t('VoteWaiting')}` : ''}`;
      vote.append(action, count, unit);
      vote.addEventListener('click', () => toggleVote(q.id));
      const body = document.createElement('div');
      body.className = 'question-body';
      const paragraph = document.createElement('p');
      paragraph.className = 'question-text';
      paragraph.dir = 'auto';
      paragraph.textContent = q.text;
      const meta = document.createElement('p');
      meta.className = 'question-meta';
      meta.textContent = `${q.author ?? t('Anonymous')} · ${timeAgo(q.createdAt)}`;
      for (const [flag, label] of [[q.id === model.answeringId, t('AnsweringNow')], [q.answered, t('Answered')], [q.pinned, t('Pinned')]]) {
        if (!flag) continue;
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = label;
        meta.append(' ', badge);
      }
      body.append(paragraph, meta);
      item.append(vote, body);
      return item;
    }));
    renderOwn();
  }

  model.onChange(render);

  /** Asks for the next page of the current order (its first page, the first time an order is shown). */
  async function loadMore() {
    if (loading || !model.hasMore() || connection.state !== signalR.HubConnectionState.Connected) return;
    const asked = order;
    const of = generation;
    loading = true;
    render();
    try {
      const page = await connection.invoke('GetMoreQuestions', code, asked, model.cursor(asked));
      if (of !== generation) return;
      loading = false;
      model.addPage(asked, page.questions, page.next);
      // The reader switched order while this page was on its way: that order's first page is next.
      if (model.needsFirstPage(order)) await loadMore();
    } catch (error) {
      if (of !== generation) return;
      loading = false;
      render();
      showResult('error', t('MoreFailed', refusalText(error)));
    }
  }

  more.addEventListener('click', async () => {
    const before = list.children.length;
    await loadMore();
    // Keep the reader's place: the first question just added, or the list when the button has gone.
    const first = list.children[before];
    if (first) {
      first.tabIndex = -1;
      first.focus();
    } else if (more.hidden) {
      list.tabIndex = -1;
      list.focus();
    }
  });

  async function toggleVote(id) {
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

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const item = { clientId: newClientId(), text: text.value.trim(), author: author.value.trim() };
    if (!item.text) {
      showResult('error', t('TypeFirst'));
      text.focus();
      return;
    }
    if (slowWait() > 0) {
      renderControls();
      return;
    }
    const sent = outbox.ask(item);
    // It shows as waiting until the server confirms it is stored, however long the network takes.
    renderOwn();
    const typed = text.value;
    text.value = '';
    writeDraft('');
    showCount();
    if (connection.state === signalR.HubConnectionState.Connected) showResult('sending', t('Sending'));
    try {
      if (await sent === null) {
        showResult('waiting', t('SavedOnPhone'));
        renderOwn();
      }
    } catch (error) {
      if (isRefusal(error)) {
        // Refused (too long, too fast…): give the text back so nothing typed is lost.
        text.value = typed;
        writeDraft(typed);
        showCount();
        showResult('error', refusalText(error));
      } else {
        showResult('waiting', refusalOf(error)?.code === NOT_SAVED ? refusalText(error) : t('SavedOnPhone'));
      }
      renderOwn();
    }
  });

  text.addEventListener('input', () => {
    showCount();
    writeDraft(text.value);
  });

  for (const button of sortButtons) {
    button.addEventListener('click', () => {
      order = button.dataset.sort;
      for (const other of sortButtons) other.setAttribute('aria-pressed', String(other === button));
      render();
      if (model.needsFirstPage(order)) loadMore();
    });
  }

  connection.on('QuestionsChanged', (changes) => model.applyChanges(changes));
  connection.on('QnaSettingsChanged', (settings) => {
    model.applySettings(settings);
    applyControls(settings);
  });

  return {
    /** Loads the first page of questions and this phone's votes; call after every (re)join. */
    async refresh() {
      const state = await connection.invoke('GetQuestions', code);
      voted = new Set(state.votedQuestionIds);
      // Votes still waiting to be sent win over what the server knows: they are newer.
      for (const [id, up] of outbox.votes) { if (up) voted.add(id); else voted.delete(id); }
      own = state.own.map((q) => ({ ...q, reason: q.reason && heldReason(q.heldAs, q.reason) }));
      mine = new Set(own.map((q) => q.id));
      // The server's "how long ago", not a time of day: the phone's clock may be wrong.
      lastAskedAt = typeof state.secondsSinceLastQuestion === 'number' ? Date.now() - state.secondsSinceLastQuestion * 1000 : null;
      applyControls(state);
      // The answer is the first "top" page with this phone's own questions and the one being answered added after
      // it: the page ends at its last question that is neither.
      const paged = state.questions.filter((q) => !mine.has(q.id) && q.id !== state.answeringQuestionId);
      const edge = paged.length > 0 ? paged[paged.length - 1] : state.questions[state.questions.length - 1];
      generation++;
      loading = false;
      model.reset(state.questions, state.answeringQuestionId, undefined, { order: 'top', next: state.next, edge, count: state.count });
      if (model.needsFirstPage(order)) await loadMore();
      // What waits is sent at once after every (re)join.
      await outbox.flush();
    },
  };
}
