namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The stable codes of the refusals the room's rules make (<see cref="LiveSessionException.Code"/>); the hub sends them
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
}
