using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>The phone remote: large next and previous, the notes and the timer, for a presenter walking the stage.</summary>
[StaffPage(StaffRight.Drive)]
public sealed class RemoteModel(LiveSessionService sessions, DeckCatalog decks) : PageModel
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
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
