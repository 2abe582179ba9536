namespace OpenHealthLive.Core.Refusals;

/// <summary>
/// The stable codes of the refusals the room's rules make (<see cref="RequestRefusedException.Code"/>); the hub sends them
/// to clients at the start of the message, and docs/languages.md lists them with their arguments. A code is never
/// renamed: phones word it from their resources and decide from it whether to send again.
/// </summary>
public static class RefusalCodes
{
    /// <summary>Any other refusal: the English message is all there is.</summary>
    public const string Invalid = "invalid";

    /// <summary>No session has this code.</summary>
    public const string UnknownSession = "unknown-session";

    /// <summary>The talk has ended: no more questions or votes.</summary>
    public const string TalkEnded = "talk-ended";

    /// <summary>A post without a usable client id (reload the page).</summary>
    public const string BadClientId = "bad-client-id";

    /// <summary>An empty question.</summary>
    public const string QuestionEmpty = "question-empty";

    /// <summary>A question over the limit; arguments: the limit, the question's length.</summary>
    public const string QuestionTooLong = "question-too-long";

    /// <summary>A name over the limit; argument: the limit.</summary>
    public const string NameTooLong = "name-too-long";

    /// <summary>The talk holds as many questions as it takes; argument: the limit.</summary>
    public const string TalkQuestionLimit = "talk-question-limit";

    /// <summary>This phone has sent as many questions as one phone may; argument: the limit.</summary>
    public const string PhoneQuestionLimit = "phone-question-limit";

    /// <summary>The speaker is not taking questions now.</summary>
    public const string QuestionsClosed = "questions-closed";

    /// <summary>Slow mode; arguments: seconds between questions, seconds until this phone may ask again.</summary>
    public const string SlowMode = "slow-mode";

    /// <summary>The question voted on is no longer on the list.</summary>
    public const string QuestionGone = "question-gone";

    /// <summary>The poll is closed: the vote was not counted.</summary>
    public const string PollClosed = "poll-closed";

    /// <summary>The deck has no such poll.</summary>
    public const string UnknownPoll = "unknown-poll";

    /// <summary>The answer does not fit the poll.</summary>
    public const string BadAnswer = "bad-answer";

    /// <summary>Not a join code at all (six characters from A–Z and 2–9, without I, L, O).</summary>
    public const string BadCode = "bad-code";

    /// <summary>Staff: the content folder has no such deck.</summary>
    public const string UnknownDeck = "unknown-deck";

    /// <summary>Staff: the deck has errors, so it cannot be presented (nor its polls used).</summary>
    public const string DeckErrors = "deck-errors";

    /// <summary>Staff: a title or room name over the limit; arguments: the title's limit, the room's limit.</summary>
    public const string PlanTooLong = "plan-too-long";

    /// <summary>Staff: the slide or step asked for is not in the deck.</summary>
    public const string UnknownSlide = "unknown-slide";

    /// <summary>Staff: a navigation the server does not know.</summary>
    public const string UnknownNavigation = "unknown-navigation";

    /// <summary>Staff: only a rehearsal can go live, and this talk is live already.</summary>
    public const string AlreadyLive = "already-live";

    /// <summary>The room has not been shown that slide yet (captions, the pen); argument: the slide's number.</summary>
    public const string SlideNotShown = "slide-not-shown";

    /// <summary>Captioner: a caption line without text.</summary>
    public const string CaptionEmpty = "caption-empty";

    /// <summary>Captioner: a caption line over the limit; argument: the limit.</summary>
    public const string CaptionTooLong = "caption-too-long";

    /// <summary>Staff: a stroke of the pen that breaks its rules (id, tool, colour, width, points, a changed slide).</summary>
    public const string BadStroke = "bad-stroke";

    /// <summary>Staff: too many strokes are being drawn at once; argument: the limit.</summary>
    public const string TooManyStrokes = "too-many-strokes";

    /// <summary>Staff: a stroke over the points limit; argument: the limit.</summary>
    public const string StrokeTooLong = "stroke-too-long";

    /// <summary>Staff: the slide keeps as many strokes as it may; arguments: the slide's number, the limit.</summary>
    public const string SlideFull = "slide-full";

    /// <summary>Staff: a piece of a stroke that does not follow on from the points the server has; arguments: its first point, the points the server has.</summary>
    public const string StrokeOutOfStep = "stroke-out-of-step";

    /// <summary>Staff: no such stroke is being drawn (it waited too long).</summary>
    public const string UnknownStroke = "unknown-stroke";

    /// <summary>Staff: slow mode out of range; arguments: the largest allowed, the value asked for.</summary>
    public const string BadSlowMode = "bad-slow-mode";

    /// <summary>Staff: the phone to unblock is not blocked.</summary>
    public const string NotBlocked = "not-blocked";

    /// <summary>Staff: a position in the question list that does not exist.</summary>
    public const string BadPosition = "bad-position";

    /// <summary>Staff: a question must be approved before it is answered.</summary>
    public const string NotApproved = "not-approved";

    /// <summary>Staff: a moderation action the server does not know.</summary>
    public const string UnknownAction = "unknown-action";
}
