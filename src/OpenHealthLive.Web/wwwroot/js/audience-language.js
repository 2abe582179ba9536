// The slides' language switch on the audience page, loaded the first time a phone uses it. Switching keeps the
// phone where it was (the slide, the fragment, the slide it looks back at, a poll answer in progress: see
// audience.js); the choice is remembered on this phone for the next talk, and in the address for a reload.

/**
 * Reads the slides in `tag`, one of the select's languages: the header's title in it, the choice remembered, then
 * `switchTo` joins again in it.
 * @param {HTMLSelectElement} select
 * @param {string} tag
 * @param {(tag: string) => Promise<void>} switchTo
 */
export async function choose(select, tag, switchTo) {
  const option = [...select.options].find((o) => o.value === tag);
  if (!option) return;
  select.value = tag;
  document.querySelector('.audience-title').textContent = option.dataset.title;
  document.title = `${option.dataset.title} · OpenHealthLive`;
  try {
    localStorage.setItem('ohl.language', tag);
  } catch { /* private mode: this page only */ }
  const address = new URL(window.location.href);
  address.searchParams.set('lang', tag);
  history.replaceState(history.state, '', address);
  try {
    await switchTo(tag);
  } catch { /* the next (re)connect joins in the new language */ }
}
