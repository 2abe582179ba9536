// Puts a rendered slide into a page element. Shared by the audience, presenter, projector and print views.

/**
 * Shows `html` in `article`.
 * @param {HTMLElement} article  the `.slide` element
 * @param {string} html          a slide as rendered by the server (a `.slide-body` div)
 * @param {object} [options]
 * @param {number} [options.fragment]   presenter views: fragments after this one are dimmed (phones never have them)
 * @param {boolean} [options.animateFrom] the fragment shown before, to animate the ones just revealed
 */
export function showSlide(article, html, options = {}) {
  article.innerHTML = html;
  const body = article.querySelector('.slide-body');
  article.style.backgroundColor = body?.dataset.backgroundColor ?? '';
  article.style.backgroundImage = body?.dataset.backgroundImage ? `url("${encodeURI(body.dataset.backgroundImage)}")` : '';
  article.classList.toggle('has-background-image', Boolean(body?.dataset.backgroundImage));
  if (typeof options.fragment === 'number') markFragments(article, options.fragment, options.animateFrom);
}

/** Dims fragments not yet revealed (presenter views) and animates those just revealed. */
export function markFragments(article, fragment, animateFrom) {
  for (const element of article.querySelectorAll('.fragment[data-fragment]')) {
    const number = Number(element.dataset.fragment);
    element.classList.toggle('is-upcoming', number > fragment);
    element.classList.toggle('is-new', typeof animateFrom === 'number' && number > animateFrom && number <= fragment);
  }
}

/** Removes fragments after `fragment`: how a phone will see the slide at that step. */
export function cutFragments(article, fragment) {
  for (const element of article.querySelectorAll('.fragment[data-fragment]')) {
    if (Number(element.dataset.fragment) > fragment) element.remove();
  }
}
