// A speaker or moderator link carries its secret after '#' (never sent to the server): take it into the form,
// drop it from the address bar and history, and sign in.
const form = document.getElementById('grant-form');
const input = document.getElementById('secret');
const secret = decodeURIComponent(window.location.hash.slice(1));
if (form && input && secret) {
  history.replaceState(null, '', window.location.pathname);
  input.value = secret;
  if (!form.querySelector('[role="alert"]')) form.requestSubmit();
}
