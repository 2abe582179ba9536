using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// Every slide, one per printed page (16:9), or with its notes below it (A4), with the pen's strokes over it: print to
/// PDF from the browser.
/// Presenter-only, since it holds slides the audience has not seen yet.
/// </summary>
[StaffPage(StaffRight.See)]
public sealed class PrintModel(LiveSessionService sessions, DeckCatalog decks, StrokeService strokes) : PageModel
{
    public Deck? Deck { get; private set; }

    public DeckLoadResult? DeckResult { get; private set; }

    /// <summary>The pen's strokes by slide, each drawn over its slide.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Stroke>> Strokes { get; private set; } = new Dictionary<int, IReadOnlyList<Stroke>>();

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
        Strokes = await strokes.BySlideAsync(session.Code, shownOnly: false, cancellationToken);
        DoNotCache.Apply(Response);
        return Page();
    }
}
