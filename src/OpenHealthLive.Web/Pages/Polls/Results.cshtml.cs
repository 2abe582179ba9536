using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Polls;

/// <summary>
/// A poll's results page (<c>/p/{code}/{pollId}</c>): the chart, updating live, and every number as a table.
/// Anyone may open it once the presenter has shown the results; before that, only the presenter.
/// </summary>
public sealed class ResultsModel(LiveSessionService sessions, PollService polls, DeckCatalog decks) : PageModel
{
    public LiveSessionState? Session { get; private set; }

    public PollView? Poll { get; private set; }

    public PollResults? Results { get; private set; }

    public string? DeckTitle { get; private set; }

    /// <summary>The language of the deck's words (the question, the options), marked on them: the page's own words may be in another.</summary>
    public string DeckLanguage { get; private set; } = "en";

    public bool NotShownYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string pollId, CancellationToken cancellationToken)
    {
        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            return NotFound();
        }

        try
        {
            Poll = await polls.GetAsync(Session.Code, pollId, cancellationToken);
        }
        catch (RequestRefusedException ex) when (ex.Code is RefusalCodes.UnknownPoll or RefusalCodes.UnknownSession or RefusalCodes.DeckErrors)
        {
            return NotFound();
        }

        var deck = decks.Get(Session.DeckSlug).Deck;
        DeckTitle = deck?.Metadata.Title;
        DeckLanguage = deck?.Language ?? DeckLanguage;
        Response.Headers.CacheControl = "no-store";
        if (!AudienceView.CanSeeResults(Poll) && !StaffMember.Can(User, StaffRight.See, Session.Code))
        {
            NotShownYet = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Results = await polls.ResultsAsync(Session.Code, pollId, cancellationToken);
        return Page();
    }
}
