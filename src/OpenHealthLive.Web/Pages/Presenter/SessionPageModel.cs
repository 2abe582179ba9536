using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// A staff page about one session (remote, moderator, caption console, the big screens): the session and its deck,
/// "not found" for an unknown code, and never cached, since it shows the talk as it is now.
/// </summary>
public abstract class SessionPageModel(LiveSessionService sessions, DeckCatalog decks) : PageModel
{
    public LiveSessionState? Session { get; private set; }

    public Deck? Deck { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            return NotFound();
        }

        Deck = decks.Get(Session.DeckSlug).Deck;
        DoNotCache.Apply(Response);
        return await LoadAsync(Session, cancellationToken) ?? Page();
    }

    /// <summary>What the page adds to the session and deck; a result to send instead of the page (a refusal, a redirect), or null.</summary>
    protected virtual Task<IActionResult?> LoadAsync(LiveSessionState session, CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult?>(null);
}
