// The moderator's page: the polls and questions of one session, and which slide the room is on. It never moves the
// slides; the hub would refuse it anyway (a moderator has no Drive right).
import { connectLive, showStatus } from './live-connection.js';
import { setupModeration } from './presenter-qna.js';
import { setupPollPanel } from './presenter-polls.js';

const root = document.getElementById('moderate');
const code = root.dataset.code;
const nowShowing = document.getElementById('now-showing');
const statusElement = document.getElementById('live-status');
let version = Number(root.dataset.version);
let slide = Number(root.dataset.slide);

function apply(state) {
  if (state.version < version) return;
  version = state.version;
  slide = state.slide;
  const title = document.querySelector(`#slide-titles [data-slide="${slide}"]`)?.textContent ?? '';
  nowShowing.textContent = `${slide + 1}. ${title}`;
  pollPanel.slideChanged();
}

let moderation = null;
let pollPanel = null;
const connection = connectLive({
  onStatus: (state) => showStatus(statusElement, state),
  onConnected: async (hub) => {
    apply((await hub.invoke('JoinAsPresenter', code)).state);
    await moderation?.refresh();
    await pollPanel?.refresh();
  },
});
moderation = setupModeration(connection, code);
pollPanel = setupPollPanel(connection, code, () => slide);
connection.on('SlideChanged', apply);
// In a cluster: a newer version than this page shows means a change was missed; join again.
connection.on('StateHeartbeat', async (heartbeat) => {
  if (heartbeat.version > version) apply((await connection.invoke('JoinAsPresenter', code)).state);
});
connection.on('DeckReloaded', () => window.location.reload());
