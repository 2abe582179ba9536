using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// Every slide, one per printed page (16:9), or with its notes below it (A4): print to PDF from the browser.
/// Presenter-only, since it holds slides the audience has not seen yet.
/// </summary>
[StaffPage(StaffRight.See)]
public sealed class PrintModel(LiveSessionService sessions, DeckCatalog decks) : PageModel
{
    public Deck? Deck { get; private set; }

    public DeckLoadResult? DeckResult { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(code, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        DeckResult = decks.Get(session.DeckSlug);
        Deck = DeckResult.Deck;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
