// The phone remote: next and previous as large buttons, the notes, the timer and pacing.
import { showStatus } from './live-connection.js';
import { followAsStaff, shownState, commandSender } from './live-session.js';
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
let position = { slide: Number(root.dataset.slide), fragment: Number(root.dataset.fragment) };

function render() {
  const template = document.getElementById(`notes-${position.slide}`);
  if (!template) return;
  notes.innerHTML = template.innerHTML;
  title.textContent = template.dataset.title;
  const fragments = Number(template.dataset.fragments);
  positionText.textContent = `Slide ${position.slide + 1} of ${slideCount}` + (fragments > 0 ? ` · step ${position.fragment} of ${fragments}` : '');
}

const shown = shownState(root, (state) => {
  position = { slide: state.slide, fragment: state.fragment };
  render();
});

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

const { connection } = followAsStaff(code, shown, {
  onStatus: (state) => showStatus(document.getElementById('live-status'), state),
  onJoined: (joined) => showTimer(joined.timer),
});
connection.on('TimerChanged', showTimer);

const send = commandSender(connection, code, {
  apply: shown.apply,
  onDone: (answer) => {
    if (typeof answer.version !== 'number') showTimer(answer);
    controlError.hidden = true;
    navigator.vibrate?.(15);
  },
  onError: (error) => {
    controlError.textContent = error ? errorMessage(error) : 'Not connected; reconnecting…';
    controlError.hidden = false;
  },
});

document.getElementById('next').addEventListener('click', () => send('NextStep'));
document.getElementById('previous').addEventListener('click', () => send('PreviousStep'));
timerToggle.addEventListener('click', () => send(clock.running ? 'PauseTimer' : 'StartTimer'));
render();
