using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>A page for the room's big screen: the session, its deck and the join address; never cached.</summary>
public abstract class ScreenPageModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links) : PageModel
{
    public LiveSessionState? Session { get; private set; }

    public Deck? Deck { get; private set; }

    public Uri? JoinUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            return NotFound();
        }

        Deck = decks.Get(Session.DeckSlug).Deck;
        JoinUrl = links.JoinUrl(Session.Code, Request);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
