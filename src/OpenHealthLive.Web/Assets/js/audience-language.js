// The language switch on the audience page, loaded the first time a phone uses it. One choice drives both: the
// page's own words when the site is written in that language (docs/languages.md), the slides when the deck has it
// (else the deck's own language). New words need the page again: it reloads in the language, and the phone keeps
// its place (the tab, the slide it looks back at, a question or a poll answer in progress: see audience.js). The
// slides alone switch in place. The choice is remembered on this phone (localStorage and the ohl-language cookie,
// which holds nothing else) and in the address for a reload.

const COOKIE = 'ohl-language';
const primary = (tag) => tag.split('-')[0].toLowerCase();

/**
 * Reads the page in `tag`, one of the select's languages.
 * @param {HTMLSelectElement} select
 * @param {string} tag
 * @param {{ switchSlides: (tag: string) => Promise<void>, keepPlace: () => void }} switcher
 */
export async function choose(select, tag, { switchSlides, keepPlace }) {
  const option = [...select.options].find((o) => o.value === tag);
  if (!option) return;
  select.value = tag;
  try {
    localStorage.setItem('ohl.language', tag);
  } catch { /* private mode: this page only */ }
  const address = new URL(window.location.href);
  address.searchParams.set('lang', tag);
  if (option.dataset.site !== undefined) {
    const culture = primary(tag);
    document.cookie = `${COOKIE}=${encodeURIComponent(`c=${culture}|uic=${culture}`)}; path=/; max-age=31536000; samesite=lax`;
    if (culture !== primary(document.documentElement.lang)) {
      keepPlace();
      window.location.replace(address);
      return;
    }
  }
  history.replaceState(history.state, '', address);
  const slides = option.dataset.deck !== undefined ? option : select.querySelector('option[data-deck]');
  if (!slides) return;
  const title = document.querySelector('.audience-title');
  title.textContent = slides.dataset.title;
  title.lang = slides.value;
  document.title = `${slides.dataset.title} · OpenHealthLive`;
  try {
    await switchSlides(slides.value);
  } catch { /* the next (re)connect joins in the new language */ }
}
