// The speaker's timer and pacing. The server keeps the timer (so every presenter device agrees and a restart
// keeps it); this module counts on from the last state it received, using the page's own clock, which tests
// can control (Playwright's clock), so no test has to wait in real time.

/** "4:05", or "1:04:05" past an hour. */
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Where the talk stands against its plan, with the planned time spread evenly over the slides: on slide i of
 * n, the speaker should be between i/n and (i+1)/n of the planned duration.
 */
export function pacing(elapsedMs, plannedMs, slide, slideCount) {
  if (!plannedMs || !slideCount) return { kind: 'none', text: 'No planned duration in the deck' };
  const startOfSlide = (plannedMs * slide) / slideCount;
  const endOfSlide = (plannedMs * (slide + 1)) / slideCount;
  const left = plannedMs - elapsedMs;
  const remaining = left >= 0 ? `${formatDuration(left)} left` : `${formatDuration(-left)} over time`;
  if (elapsedMs > endOfSlide + 30_000) return { kind: 'behind', text: `${formatDuration(elapsedMs - endOfSlide)} behind · ${remaining}` };
  if (elapsedMs < startOfSlide - 30_000) return { kind: 'ahead', text: `${formatDuration(startOfSlide - elapsedMs)} ahead · ${remaining}` };
  return { kind: 'on-time', text: `On time · ${remaining}` };
}

export class SpeakerClock {
  constructor() {
    this.running = false;
    this.base = 0;
    this.receivedAt = Date.now();
  }

  /** Takes a TimerState from the server. */
  set(timer) {
    this.running = timer.running;
    this.base = timer.elapsedMs;
    this.receivedAt = Date.now();
  }

  get elapsed() {
    return this.running ? this.base + (Date.now() - this.receivedAt) : this.base;
  }
}

/** Calls `tick` every half second, and at once. */
export function everyHalfSecond(tick) {
  tick();
  return setInterval(tick, 500);
}
