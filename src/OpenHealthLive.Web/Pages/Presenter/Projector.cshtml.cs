using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>The projector view: the current slide full-screen, following the presenter, with a QR overlay on Q.</summary>
[StaffPage(StaffRight.Drive)]
public sealed class ProjectorModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links) : ScreenPageModel(sessions, decks, links);
