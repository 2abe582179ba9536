// Following a talk live, the same way on every page that does (the console, the remote, the projector, the phone):
//  - the connection (live-connection.js), and a join after every connect and reconnect;
//  - every pushed slide change, and a state applied only when it is not older than what the page shows (versions
//    only grow: a late or repeated message never moves a screen backwards);
//  - the heartbeat that tells a page it missed a change (several nodes, Redis down for a moment): join again;
//  - a staff screen's commands, sent one way, with the room's state in their answer applied like a pushed one.
// What is sent and retried while offline (questions, votes) stays with the phone's Q&A and poll modules: each has
// its own outbox, whose retry is decided by the refusal's code (refusal.js).
import { connectLive } from './live-connection.js';

/**
 * Follows the talk `code`. The page keeps what it shows and decides by version in `apply`.
 * @param {object} options
 * @param {(hub: signalR.HubConnection) => Promise<object>} options.join  joins the talk (its answer carries the room's state)
 * @param {(answer: object) => object} [options.stateOf]  the room's state in a join's answer (the answer itself by default)
 * @param {(state: object, joined: boolean) => void} options.apply  shows a state; `joined` when it is a join's answer
 * @param {() => number} options.version  the version the page shows
 * @param {(answer: object, hub: signalR.HubConnection) => Promise<void>|void} [options.onJoined]  the rest of a join's answer
 * @param {(state: string) => void} options.onStatus  connecting, live, reconnecting, offline
 * @param {(heartbeat: object) => boolean} [options.missed]  whether a heartbeat says the page missed something besides
 *   the slide (the projector's revision); it then joins again too
 * @param {(answer: object) => void} [options.onCaughtUp]  a join's answer after a heartbeat
 * @returns {{ connection: signalR.HubConnection, rejoin: () => Promise<object> }}
 */
export function followSession({ join, stateOf = (answer) => answer, apply, version, onJoined, onStatus, missed = () => false, onCaughtUp }) {
  async function joinAndApply(hub) {
    const answer = await join(hub);
    apply(stateOf(answer), true);
    return answer;
  }

  const connection = connectLive({
    onStatus,
    onConnected: async (hub) => {
      const answer = await joinAndApply(hub);
      await onJoined?.(answer, hub);
    },
  });
  connection.on('SlideChanged', (state) => apply(state, false));
  connection.on('StateHeartbeat', async (heartbeat) => {
    if (heartbeat.version > version() || missed(heartbeat)) onCaughtUp?.(await joinAndApply(connection));
  });
  return { connection, rejoin: () => joinAndApply(connection) };
}

/**
 * A staff screen's view of the room's position: `apply` drops a state older than the one shown, records the shown
 * one on `root` (data-version, data-slide, data-fragment: what the browser tests read) and passes it to `show`.
 */
export function shownState(root, show) {
  let version = Number(root.dataset.version);
  return {
    version: () => version,
    apply(state) {
      if (state.version < version) return;
      version = state.version;
      Object.assign(root.dataset, { version: String(state.version), slide: String(state.slide), fragment: String(state.fragment) });
      show(state);
    },
  };
}

/**
 * Follows the talk as staff (`JoinAsPresenter`): the console, the remote and the projector.
 * @param {string} code
 * @param {{ apply: (state: object) => void, version: () => number }} shown  from shownState
 * @param {{ onJoined?: (answer: object, hub: signalR.HubConnection) => Promise<void>|void, onStatus: (state: string) => void }} options
 * @param {{ revision: () => number, show: (state: object) => void }} [options.projector]  a page that shows the
 *   projector's state: the heartbeat's projectorRevision above the one shown makes it join again and show the answer's
 */
export function followAsStaff(code, shown, { onJoined, onStatus, projector }) {
  return followSession({
    join: (hub) => hub.invoke('JoinAsPresenter', code),
    stateOf: (answer) => answer.state,
    apply: (state) => shown.apply(state),
    version: shown.version,
    onJoined,
    onStatus,
    missed: (heartbeat) => projector !== undefined && heartbeat.projectorRevision > projector.revision(),
    onCaughtUp: (answer) => projector?.show(answer.projector),
  });
}

/**
 * A staff screen's commands (next, previous, timer, projector…): `send(method, ...args)` calls the hub method with
 * the talk's code first, applies a room state in the answer and resolves to the answer; when not connected, or
 * refused, it tells `onError` (null when not connected: nothing was sent) and resolves to undefined.
 */
export function commandSender(connection, code, { apply, onDone, onError }) {
  return async function send(method, ...args) {
    if (connection.state !== signalR.HubConnectionState.Connected) {
      onError(null);
      return undefined;
    }
    try {
      const answer = await connection.invoke(method, code, ...args);
      if (answer && typeof answer.version === 'number') apply(answer);
      onDone?.(answer);
      return answer;
    } catch (error) {
      onError(error);
      return undefined;
    }
  };
}
