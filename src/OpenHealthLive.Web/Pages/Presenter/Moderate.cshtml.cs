using Microsoft.AspNetCore.Mvc;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// The moderator's page, made for a phone: which slide the room is on, the polls and the questions of one
/// session, and nothing that moves the slides or the projector.
/// </summary>
[StaffPage(StaffRight.Moderate)]
public sealed class ModerateModel(LiveSessionService sessions, DeckCatalog decks) : SessionPageModel(sessions, decks)
{
    /// <summary>Who is signed in, named on the page.</summary>
    public StaffMember Member { get; private set; } = new(StaffRole.Moderator, null, null);

    protected override Task<IActionResult?> LoadAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        if (StaffMember.Of(User) is not { } member)
        {
            return Task.FromResult<IActionResult?>(Forbid());
        }

        Member = member;
        return Task.FromResult<IActionResult?>(null);
    }
}
