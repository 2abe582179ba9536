using Microsoft.AspNetCore.Mvc;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// The caption console, made for a laptop and fast typing: the slide the room sees now, a large text area whose line
/// reaches the phones as it is typed, and the lines sent. For the captioner, the speaker and the organiser.
/// </summary>
[StaffPage(StaffRight.Caption)]
public sealed class CaptionsModel(LiveSessionService sessions, DeckCatalog decks, LiveMessages messages, CaptionService captions) : SessionPageModel(sessions, decks)
{
    /// <summary>The slide as the room sees it: a captioner sees no more than the room does.</summary>
    public SlideState? State { get; private set; }

    /// <summary>Whether the captions are kept after the talk (the speaker's decision, shown here).</summary>
    public bool Kept { get; private set; }

    public StaffMember Member { get; private set; } = new(StaffRole.Captioner, null, null);

    protected override async Task<IActionResult?> LoadAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        if (StaffMember.Of(User) is not { } member)
        {
            return Forbid();
        }

        if (RouteData.Values["code"] is string code && code != session.Code)
        {
            return RedirectToPage(new { code = session.Code });
        }

        Member = member;
        State = messages.SlideState(session);
        Kept = (await captions.SettingsAsync(session.Code, cancellationToken)).Kept;
        return null;
    }
}
