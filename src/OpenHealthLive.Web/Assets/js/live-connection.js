// The SignalR connection shared by the audience, presenter and projector pages.
// It never gives up while the page is open: reconnects back off with jitter, and a phone that wakes up or gets
// its network back tries again at once.

import { refusalOf } from './refusal.js';

/** The refusals that mean this device's staff sign-in is gone (StaffHubFilter). */
const SIGNED_OUT = new Set(['not-presenter', 'sign-in-ended']);

/**
 * Delay before reconnect attempt `attempt` (0-based), with ±25 % jitter so a room does not reconnect in step:
 * 0.5 s, 1 s, 2 s, then every 3 s for as long as the page is on screen, however long the outage — so a
 * restarted server finds every phone that is looking back within about 4 s of being ready. A page in the
 * background (the phone in a pocket) tries every 10 s and at once when it is shown again.
 */
export function reconnectDelay(attempt, hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden') {
  const base = attempt < 3 ? 500 * 2 ** attempt : hidden ? 10_000 : 3_000;
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * @param {object} options
 * @param {(connection: signalR.HubConnection) => Promise<void>} options.onConnected  Called after every (re)connect: join here.
 * @param {(state: 'connecting'|'live'|'reconnecting'|'offline') => void} options.onStatus
 */
/**
 * The transports to use: all, best first (WebSockets, then Server-Sent Events, then long polling), unless the
 * page's address says `?transport=websockets|sse|longpolling` — a diagnostic switch for networks that break
 * WebSockets, and how the browser tests run each transport.
 */
export function transports(search = window.location.search) {
  const wanted = new URLSearchParams(search).get('transport');
  const types = signalR.HttpTransportType;
  return { websockets: types.WebSockets, sse: types.ServerSentEvents, longpolling: types.LongPolling }[wanted ?? '']
    ?? (types.WebSockets | types.ServerSentEvents | types.LongPolling);
}

/**
 * A presenter device whose sign-in has ended (signed out, on this or another device, or expired) is refused with
 * not-presenter or sign-in-ended: reload, and the server sends the page to the sign-in page. At most once in 30 s, so
 * that a page the server still serves cannot reload in a loop.
 */
function signInEnded(error) {
  if (!SIGNED_OUT.has(refusalOf(error)?.code)) return false;
  try {
    const last = Number(sessionStorage.getItem('ohl.signInReload') ?? 0);
    if (Date.now() - last < 30_000) return false;
    sessionStorage.setItem('ohl.signInReload', String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}

export function connectLive({ onConnected, onStatus }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', { transport: transports() })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount) })
    .withStatefulReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.serverTimeoutInMilliseconds = 30_000;
  connection.keepAliveIntervalInMilliseconds = 15_000;

  let attempt = 0;
  let timer = 0;
  let starting = false;

  async function joined() {
    attempt = 0;
    try {
      await onConnected(connection);
      onStatus('live');
    } catch (error) {
      if (signInEnded(error)) return;
      // Joining failed (the session is gone, the server is restarting): drop and try again later.
      console.warn('Join failed', error);
      onStatus('reconnecting');
      await connection.stop();
    }
  }

  async function start() {
    if (starting || connection.state !== signalR.HubConnectionState.Disconnected) return;
    starting = true;
    clearTimeout(timer);
    onStatus(navigator.onLine === false ? 'offline' : 'connecting');
    try {
      await connection.start();
      starting = false;
      await joined();
    } catch {
      starting = false;
      onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
      timer = setTimeout(start, reconnectDelay(attempt++));
    }
  }

  connection.onreconnecting(() => onStatus(navigator.onLine === false ? 'offline' : 'reconnecting'));
  connection.onreconnected(() => joined());
  // Automatic reconnect never gives up, so onclose means the first start failed or a join was refused:
  // go on trying with the same backoff.
  connection.onclose(() => {
    onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    clearTimeout(timer);
    timer = setTimeout(start, reconnectDelay(attempt++));
  });

  // Back online or awake: a connection that still looks open may have lost messages (or be dead without knowing).
  // Join again at once; if that does not answer within a few seconds, drop it and reconnect from scratch.
  const retryNow = async () => {
    if (connection.state === signalR.HubConnectionState.Disconnected) {
      attempt = 0;
      start();
      return;
    }
    if (connection.state !== signalR.HubConnectionState.Connected) return;
    let timeout = 0;
    const check = Promise.race([
      joined(),
      new Promise((_, reject) => { timeout = setTimeout(() => reject(new Error('No answer')), 5000); }),
    ]);
    try {
      await check;
    } catch {
      await connection.stop();
    } finally {
      clearTimeout(timeout);
    }
  };
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') retryNow(); });
  window.addEventListener('online', retryNow);
  window.addEventListener('offline', () => onStatus('offline'));

  start();
  return connection;
}

const STATUS_LABELS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };

/** Shows a connection state in an element made of `.dot` and `.label`; the audience page passes `labels` in its language. */
export function showStatus(element, state, labels = STATUS_LABELS) {
  if (!element) return;
  element.dataset.state = state;
  const label = element.querySelector('.label');
  if (label) label.textContent = labels[state] ?? state;
}
