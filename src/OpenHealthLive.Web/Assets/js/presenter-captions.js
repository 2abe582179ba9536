// The console's captions controls: keep the captions after the talk or not (the default is to delete them when it
// ends), and the caption bar on the projector (also the C key, here and on the projector).

import { errorMessage } from './refusal.js';

export function setupCaptionsPane(connection, code) {
  const pane = document.getElementById('captions-pane');
  const button = document.getElementById('toggle-captions');
  if (!pane || !button) return null;
  const keep = document.getElementById('captions-kept');
  const error = document.getElementById('captions-error');
  let onProjector = false;

  function showError(text) {
    error.textContent = text ?? '';
    error.hidden = !text;
  }

  function showProjector(state) {
    onProjector = Boolean(state?.captions);
    button.setAttribute('aria-pressed', String(onProjector));
  }

  async function invoke(method, ...args) {
    if (connection.state !== signalR.HubConnectionState.Connected) {
      showError('Not connected to the server; reconnecting…');
      return null;
    }
    try {
      const result = await connection.invoke(method, code, ...args);
      showError(null);
      return result;
    } catch (e) {
      showError(errorMessage(e));
      return null;
    }
  }

  async function toggleProjector() {
    const state = await invoke('SetProjectorCaptions', !onProjector);
    if (state) showProjector(state);
  }

  keep.addEventListener('change', async () => {
    const wanted = keep.checked;
    const settings = await invoke('SetCaptionsKept', wanted);
    keep.checked = settings ? settings.kept : !wanted;
  });
  button.addEventListener('click', toggleProjector);
  connection.on('ProjectorChanged', showProjector);
  connection.on('CaptionSettingsChanged', (settings) => { keep.checked = settings.kept; });

  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key !== 'c' && event.key !== 'C') return;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    toggleProjector();
  });

  return { joined: showProjector };
}
