// The projector view: shows what the audience sees, full screen, and follows the presenter.
// Q shows or hides the join QR code, C the caption bar, F toggles full screen; arrows and clicker keys drive the talk too,
// since the projector window often has the focus.
import { showStatus } from './live-connection.js';
import { followAsStaff, shownState, commandSender } from './live-session.js';
import { showSlide } from './slide-view.js';
import { QnaModel } from './qna-model.js';
import { renderChart } from './poll-chart.js';
import { CaptionLines } from './caption-lines.js';
import { Ink, inkLayer, draw } from './ink-svg.js';

const root = document.getElementById('projector');
const code = root.dataset.code;
const slide = document.getElementById('projector-slide');
const overlay = document.getElementById('qr-overlay');
const hint = document.getElementById('projector-hint');
let shown = { slide: Number(root.dataset.slide), fragment: Number(root.dataset.fragment) };

const room = shownState(root, (state) => {
  const animateFrom = shown.slide === state.slide ? shown.fragment : undefined;
  showSlide(slide, state.slideCount === 0 ? '<p class="waiting">The presentation will start shortly.</p>' : state.html, { fragment: state.fragment, animateFrom });
  const moved = shown.slide !== state.slide;
  shown = { slide: state.slide, fragment: state.fragment };
  renderPolls?.();
  if (moved) showInk();
});

// The pen's strokes over the slide, as the speaker draws them.
const ink = new Ink();
const inkAsked = new Set();
const inkSvg = inkLayer(slide.parentElement);
function showInk() {
  draw(inkSvg, ink.strokesOf(shown.slide));
  askInk(shown.slide);
}
async function askInk(index) {
  if (inkAsked.has(index) || connection?.state !== signalR.HubConnectionState.Connected) return;
  inkAsked.add(index);
  try {
    ink.set(index, await connection.invoke('GetStrokes', code, index));
    if (index === shown.slide) draw(inkSvg, ink.strokesOf(index));
  } catch { inkAsked.delete(index); }
}

showSlide(slide, slide.innerHTML);

// The question being answered is shown large over the slide.
const qna = new QnaModel();
const banner = document.getElementById('answering-banner');
qna.onChange(() => {
  const now = qna.answering;
  banner.hidden = !now;
  if (now) banner.querySelector('.answering-text').textContent = now.text;
});

const { connection, rejoin } = followAsStaff(code, room, {
  onStatus: (state) => { root.dataset.connection = state; showStatus(null, state); },
  projector: { revision: () => projector.revision, show: (state) => showProjector(state) },
  onJoined: async (joined, hub) => {
    showProjector(joined.projector);
    inkAsked.clear();
    await askInk(shown.slide);
    const questions = await hub.invoke('GetQuestions', code);
    qna.reset(questions.questions, questions.answeringQuestionId);
    for (const poll of await hub.invoke('GetPollDashboard', code)) polls.set(poll.id, poll);
    renderPolls();
    const history = await hub.invoke('FollowCaptions', code, true);
    captions.reset(history.lines);
    captions.setDraft(history.draft ?? '');
  },
});

// The caption bar: the last two lines and the one being typed, under the slide, when the speaker turns it on (C).
const captionBar = document.getElementById('caption-bar');
const captions = new CaptionLines({
  history: captionBar.querySelector('.captions-history'),
  live: captionBar.querySelector('.captions-live'),
  draft: captionBar.querySelector('.captions-draft'),
}, 2);
connection.on('CaptionTyping', (draft) => captions.setDraft(draft.text));
connection.on('CaptionCommitted', (line) => captions.add(line));
connection.on('CaptionsCleared', () => captions.clear());
connection.on('QuestionsChanged', (changes) => qna.applyChanges(changes));
connection.on('InkChanged', (message) => {
  if (message.kind === 'slide') inkAsked.add(message.slide);
  ink.apply(message);
  if (message.slide === shown.slide) draw(inkSvg, ink.strokesOf(shown.slide));
});

// A poll on the current slide shows the number of answers live, and its chart once the results are shown.
const polls = new Map();
function renderPolls() {
  for (const card of slide.querySelectorAll('.poll[data-poll-id]')) {
    const poll = polls.get(card.dataset.pollId);
    if (!poll) continue;
    let live = card.querySelector('.poll-live');
    if (!live) {
      live = document.createElement('div');
      live.className = 'poll-live';
      card.append(live);
    }
    card.classList.toggle('shows-results', poll.resultsVisible);
    if (poll.resultsVisible) {
      renderChart(live, poll, poll.results);
    } else {
      const voters = poll.results?.voters ?? 0;
      live.textContent = poll.isOpen ? `Poll open · ${voters} ${voters === 1 ? 'answer' : 'answers'} so far` : voters > 0 ? `Poll closed · ${voters} answers` : '';
    }
  }
}
connection.on('PollUpdated', (poll) => { polls.set(poll.id, poll); renderPolls(); });
connection.on('PollResultsChanged', (message) => {
  const poll = polls.get(message.pollId);
  if (poll) { poll.results = message.results; renderPolls(); }
});
connection.on('QnaSettingsChanged', (settings) => qna.applySettings(settings));
connection.on('ProjectorChanged', showProjector);
connection.on('DeckReloaded', () => rejoin());

// The projector has no place for an error: a refusal goes to the console.
const send = commandSender(connection, code, { apply: room.apply, onError: (error) => { if (error) console.warn(error); } });

const blackout = document.getElementById('blackout');
let projector = { blackout: false, joinOverlay: false, captions: false, revision: 0 };

// Revisions only grow: a join's answer overtaken by a pushed change (or the other way round) is dropped.
function showProjector(state) {
  if (state.revision < projector.revision) return;
  projector = state;
  overlay.hidden = !state.joinOverlay;
  blackout.hidden = !state.blackout;
  root.dataset.qr = state.joinOverlay ? 'shown' : 'hidden';
  root.dataset.blackout = String(state.blackout);
  captionBar.hidden = !state.captions;
  root.dataset.captions = state.captions ? 'shown' : 'hidden';
}

// Keys on the projector change the shared state, so the console's buttons show the truth too.
async function setProjector(blackoutOn, overlayOn) {
  showProjector({ ...projector, blackout: blackoutOn, joinOverlay: overlayOn });
  if (connection.state === signalR.HubConnectionState.Connected) {
    try {
      showProjector(await connection.invoke('SetProjector', code, blackoutOn, overlayOn));
    } catch (error) {
      console.warn(error);
    }
  }
}

async function toggleCaptions() {
  const visible = !projector.captions;
  showProjector({ ...projector, captions: visible });
  if (connection.state === signalR.HubConnectionState.Connected) {
    try {
      showProjector(await connection.invoke('SetProjectorCaptions', code, visible));
    } catch (error) {
      console.warn(error);
    }
  }
}

function toggleOverlay(show = !projector.joinOverlay) {
  setProjector(projector.blackout, show);
}

const keys = {
  q: () => toggleOverlay(),
  Q: () => toggleOverlay(),
  Escape: () => setProjector(false, false),
  b: () => setProjector(!projector.blackout, projector.joinOverlay),
  B: () => setProjector(!projector.blackout, projector.joinOverlay),
  c: () => toggleCaptions(),
  C: () => toggleCaptions(),
  '.': () => setProjector(!projector.blackout, projector.joinOverlay),
  f: () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => {}),
  ArrowRight: () => send('NextStep'), PageDown: () => send('NextStep'), ' ': () => send('NextStep'),
  ArrowLeft: () => send('PreviousStep'), PageUp: () => send('PreviousStep'),
};
keys.F = keys.f;
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const action = keys[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});
overlay.addEventListener('click', () => toggleOverlay(false));
setTimeout(() => hint.classList.add('faded'), 6000);
