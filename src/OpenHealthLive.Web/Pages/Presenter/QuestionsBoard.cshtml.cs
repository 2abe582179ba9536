using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>The Q&amp;A board: a projector view of the top questions and the one being answered.</summary>
public sealed class QuestionsBoardModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links) : ScreenPageModel(sessions, decks, links);
