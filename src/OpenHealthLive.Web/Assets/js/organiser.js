// The programme page: forms that end something ask first; a link shown once is selected for copying.
for (const form of document.querySelectorAll('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}
for (const field of document.querySelectorAll('input.copyable')) {
  field.addEventListener('focus', () => field.select());
}
document.getElementById('issued-url')?.focus();
