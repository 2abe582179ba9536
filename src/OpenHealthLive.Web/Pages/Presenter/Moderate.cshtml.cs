using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// The moderator's page, made for a phone: which slide the room is on, the polls and the questions of one
/// session, and nothing that moves the slides or the projector.
/// </summary>
[StaffPage(StaffRight.Moderate)]
public sealed class ModerateModel(LiveSessionService sessions, DeckCatalog decks) : PageModel
{
    public LiveSessionState? Session { get; private set; }

    public Deck? Deck { get; private set; }

    /// <summary>Who is signed in, named on the page.</summary>
    public StaffMember Member { get; private set; } = new(StaffRole.Moderator, null, null);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (StaffMember.Of(User) is not { } member)
        {
            return Forbid();
        }

        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            return NotFound();
        }

        Member = member;
        Deck = decks.Get(Session.DeckSlug).Deck;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
