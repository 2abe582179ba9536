// The phone remote: next and previous as large buttons, the notes, the timer and pacing.
import { connectLive, showStatus } from './live-connection.js';
import { errorMessage } from './refusal.js';
import { SpeakerClock, formatDuration, pacing, everyHalfSecond } from './speaker-clock.js';

const root = document.getElementById('remote');
const code = root.dataset.code;
const slideCount = Number(root.dataset.slideCount);
const plannedMs = Number(root.dataset.plannedMs);
const notes = document.getElementById('notes');
const title = document.getElementById('remote-title');
const positionText = document.getElementById('remote-position');
const controlError = document.getElementById('control-error');
const timerValue = document.getElementById('timer');
const pacingElement = document.getElementById('pacing');
const timerToggle = document.getElementById('timer-toggle');
const clock = new SpeakerClock();
let version = Number(root.dataset.version);
let position = { slide: Number(root.dataset.slide), fragment: Number(root.dataset.fragment) };

function render() {
  const template = document.getElementById(`notes-${position.slide}`);
  if (!template) return;
  notes.innerHTML = template.innerHTML;
  title.textContent = template.dataset.title;
  const fragments = Number(template.dataset.fragments);
  positionText.textContent = `Slide ${position.slide + 1} of ${slideCount}` + (fragments > 0 ? ` · step ${position.fragment} of ${fragments}` : '');
}

function apply(state) {
  if (state.version < version) return;
  version = state.version;
  position = { slide: state.slide, fragment: state.fragment };
  Object.assign(root.dataset, { version: String(state.version), slide: String(state.slide), fragment: String(state.fragment) });
  render();
}

function showTimer(timer) {
  clock.set(timer);
  timerToggle.textContent = timer.running ? 'Pause timer' : timer.elapsedMs > 0 ? 'Resume timer' : 'Start timer';
}

everyHalfSecond(() => {
  timerValue.textContent = formatDuration(clock.elapsed);
  const pace = clock.running || clock.elapsed > 0 ? pacing(clock.elapsed, plannedMs, position.slide, slideCount) : { kind: 'none', text: '' };
  pacingElement.dataset.kind = pace.kind;
  pacingElement.textContent = pace.text;
});

const connection = connectLive({
  onStatus: (state) => showStatus(document.getElementById('live-status'), state),
  onConnected: async (hub) => {
    const joined = await hub.invoke('JoinAsPresenter', code);
    apply(joined.state);
    showTimer(joined.timer);
  },
});
connection.on('SlideChanged', apply);
connection.on('StateHeartbeat', async (heartbeat) => {
  if (heartbeat.version > version) apply((await connection.invoke('JoinAsPresenter', code)).state);
});
connection.on('TimerChanged', showTimer);

async function send(method) {
  if (connection.state !== signalR.HubConnectionState.Connected) {
    controlError.textContent = 'Not connected; reconnecting…';
    controlError.hidden = false;
    return;
  }
  try {
    const result = await connection.invoke(method, code);
    if (typeof result.version === 'number') apply(result); else showTimer(result);
    controlError.hidden = true;
    navigator.vibrate?.(15);
  } catch (error) {
    controlError.textContent = errorMessage(error);
    controlError.hidden = false;
  }
}

document.getElementById('next').addEventListener('click', () => send('NextStep'));
document.getElementById('previous').addEventListener('click', () => send('PreviousStep'));
timerToggle.addEventListener('click', () => send(clock.running ? 'PauseTimer' : 'StartTimer'));
render();
