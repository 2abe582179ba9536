using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>The phone remote: large next and previous, the notes and the timer, for a presenter walking the stage.</summary>
[StaffPage(StaffRight.Drive)]
public sealed class RemoteModel(LiveSessionService sessions, DeckCatalog decks) : SessionPageModel(sessions, decks);
