// The print view: apply slide backgrounds as on screen, and print on request.
import { showSlide } from './slide-view.js';

for (const article of document.querySelectorAll('.print-slide')) {
  showSlide(article, article.innerHTML);
}
document.getElementById('print-now')?.addEventListener('click', () => window.print());
