using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Web.Questions;

/// <summary>A visible question as every phone sees it: no device, no moderation detail.</summary>
public sealed record AudienceQuestion(long Id, string Text, string? Author, int Votes, bool Pinned, bool AnsweringNow, bool Answered, DateTimeOffset CreatedAt)
{
    public static AudienceQuestion From(QuestionView q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.Id, q.Text, q.Author, q.Votes, q.Pinned, q.AnsweringNow, q.Answered, q.CreatedAt);
    }
}

/// <summary>A question as the presenter sees it: held and hidden ones too, with the reason a question was held.</summary>
public sealed record PresenterQuestion(long Id, string Text, string? Author, int Votes, string Status, string? HeldReason, bool Pinned, bool AnsweringNow, bool Answered, DateTimeOffset CreatedAt)
{
    public static PresenterQuestion From(QuestionView q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new(q.Id, q.Text, q.Author, q.Votes, StatusName(q.Status), q.HeldReason, q.Pinned, q.AnsweringNow, q.Answered, q.CreatedAt);
    }

    public static string StatusName(QuestionStatus status) => status switch
    {
        QuestionStatus.Visible => "visible",
        QuestionStatus.Held => "held",
        _ => "hidden",
    };
}

/// <summary>One of this phone's own questions, with what happened to it.</summary>
public sealed record OwnQuestion(long Id, string Text, string Status, string? Reason, string? HeldAs = null);

/// <summary>
/// The answer to <c>AskQuestion</c>: sent (shown to the room) or held for review, and why. <c>Text</c> is the question
/// as stored: what the patient-data guard found is masked, so the phone shows its own question as everyone else
/// would, never the identifier it typed.
/// </summary>
public sealed record AskQuestionResult(long QuestionId, string Status, string Message, AudienceQuestion? Question, string Text, string? HeldAs = null);

/// <summary>The answer to <c>SetQuestionVote</c>.</summary>
public sealed record QuestionVoteResult(long QuestionId, int Votes, bool Voted);

/// <summary>
/// The Q&amp;A of a session as one phone sees it when it joins: the first page of the list in "top" order, plus the
/// question being answered and the phone's own visible questions wherever they rank. <c>Count</c> is every visible
/// question; <c>Next</c> asks <c>GetMoreQuestions</c> for the rest (null when everything was sent). <c>QuestionsOpen</c> and
/// <c>SlowModeSeconds</c> are the Q&amp;A controls; <c>SecondsSinceLastQuestion</c> is how long ago this phone asked (null:
/// never), so that it can show when slow mode lets it ask again whatever its own clock says.
/// </summary>
public sealed record AudienceQna(
    string Code, IReadOnlyList<AudienceQuestion> Questions, IReadOnlyList<OwnQuestion> Own, IReadOnlyList<long> VotedQuestionIds, long? AnsweringQuestionId, int Count, string? Next,
    bool QuestionsOpen, int SlowModeSeconds, int? SecondsSinceLastQuestion);

/// <summary>A further page of visible questions, in <c>Order</c> (<c>top</c> or <c>newest</c>).</summary>
public sealed record AudienceQuestionPage(string Code, string Order, IReadOnlyList<AudienceQuestion> Questions, string? Next);

/// <summary>
/// The Q&amp;A of a session as the presenter sees it: the first page of the queue (held first), plus the question
/// being answered. <c>Count</c> is every question, <c>Held</c> those waiting; <c>Next</c> asks <c>GetMoreModerationQueue</c> for the rest.
/// With the Q&amp;A controls: open or closed, slow mode, and the blocked phones.
/// </summary>
public sealed record PresenterQna(
    string Code, IReadOnlyList<PresenterQuestion> Questions, bool PreModeration, long? AnsweringQuestionId, int Count, int Held, string? Next,
    bool QuestionsOpen, int SlowModeSeconds, IReadOnlyList<BlockedPhone> Blocked);

/// <summary>A further page of the presenter's queue.</summary>
public sealed record PresenterQuestionPage(string Code, IReadOnlyList<PresenterQuestion> Questions, string? Next);

/// <summary>
/// Changes to visible questions since the last message (batched, a few times a second), with the number of visible
/// questions after them (null when it could not be counted). A phone holds only the pages it asked for, so
/// <c>Changed</c> may name questions it has not seen yet.
/// </summary>
public sealed record QuestionsChanged(string Code, IReadOnlyList<AudienceQuestion> Changed, IReadOnlyList<long> Removed, int? Count = null);

/// <summary>Changes to any question, for presenter devices, with the numbers of questions and of held ones after them.</summary>
public sealed record ModerationChanged(string Code, IReadOnlyList<PresenterQuestion> Changed, IReadOnlyList<long> Removed, int? Count = null, int? Held = null);

/// <summary>Q&amp;A settings of a session: pre-moderation, the question being answered, whether phones may ask, and slow mode (0: off).</summary>
public sealed record QnaSettingsChanged(string Code, bool PreModeration, long? AnsweringQuestionId, bool QuestionsOpen, int SlowModeSeconds)
{
    public static QnaSettingsChanged From(QnaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.SessionCode, settings.PreModeration, settings.AnsweringQuestionId, settings.QuestionsOpen, settings.SlowModeSeconds);
    }
}

/// <summary>
/// A phone a moderator blocked, as staff see it: the block's id (to unblock it), when, how many questions it asked and the
/// latest of them, to recognise it. Never its device hash.
/// </summary>
public sealed record BlockedPhone(long Id, DateTimeOffset BlockedAt, int Questions, string? LastQuestion)
{
    public static BlockedPhone From(BlockedDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new(device.Id, device.BlockedAt, device.Questions, device.LastQuestion);
    }
}

/// <summary>The phones blocked in a session after a block or an unblock; staff devices only.</summary>
public sealed record BlockedDevicesChanged(string Code, IReadOnlyList<BlockedPhone> Blocked);
