// The one place a client reads what the server refused. SignalR carries only a HubException's message, so the server
// puts the refusal's stable code first: "…HubException: [code:arg:arg] English sentence." (docs/languages.md lists
// the codes). Pages word a refusal from its code (audience-text.js) and decide from it whether to send again.

const HUB = /HubException: (?:\[([a-z0-9-]+)((?::[^\]\s:]+)*)\] )?([\s\S]*)$/;

/**
 * The refusal in `error`: `{ code, args, text }` (text: the server's English sentence without the code), or null
 * when the server did not refuse (a lost connection, a fault).
 */
export function refusalOf(error) {
  // An HTTP endpoint's refusal: a problem (RFC 9457) with the same code and numbers beside its English detail.
  const problem = error?.problem;
  if (typeof problem?.code === 'string') return { code: problem.code, args: (problem.arguments ?? []).map(String), text: problem.detail ?? '' };
  const match = HUB.exec(String(error?.message ?? ''));
  if (!match) return null;
  return { code: match[1] ?? 'invalid', args: match[2] ? match[2].slice(1).split(':') : [], text: match[3] };
}

/** The English sentence a person should read from a hub error (staff pages), without the code. */
export function errorMessage(error) {
  return refusalOf(error)?.text ?? String(error?.message ?? error);
}

/** The code of a write the server could not store yet: the one refusal worth sending again. */
export const NOT_SAVED = 'not-saved';

/**
 * True when the server refused the request for good (too long, too fast, poll closed): not worth sending again.
 * A lost connection, or a server that could not store it yet (code not-saved), is worth retrying.
 */
export function isRefusal(error) {
  const refusal = refusalOf(error);
  return refusal !== null && refusal.code !== NOT_SAVED;
}
