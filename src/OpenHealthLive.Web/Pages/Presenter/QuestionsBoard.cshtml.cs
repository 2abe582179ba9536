using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>The Q&amp;A board: a projector view of the top questions and the one being answered.</summary>
[StaffPage(StaffRight.Moderate)]
public sealed class QuestionsBoardModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links) : ScreenPageModel(sessions, decks, links);
