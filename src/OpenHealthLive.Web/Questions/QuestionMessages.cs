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
public sealed record OwnQuestion(long Id, string Text, string Status, string? Reason);

/// <summary>
/// The answer to <c>AskQuestion</c>: sent (shown to the room) or held for review, and why. <c>Text</c> is the question
/// as stored: what the patient-data guard found is masked, so the phone shows its own question as everyone else
/// would, never the identifier it typed.
/// </summary>
public sealed record AskQuestionResult(long QuestionId, string Status, string Message, AudienceQuestion? Question, string Text);

/// <summary>The answer to <c>SetQuestionVote</c>.</summary>
public sealed record QuestionVoteResult(long QuestionId, int Votes, bool Voted);

/// <summary>
/// The Q&amp;A of a session as one phone sees it when it joins: the first page of the list in "top" order, plus the
/// question being answered and the phone's own visible questions wherever they rank. <c>Count</c> is every visible
/// question; <c>Next</c> asks <c>GetMoreQuestions</c> for the rest (null when everything was sent).
/// </summary>
public sealed record AudienceQna(string Code, IReadOnlyList<AudienceQuestion> Questions, IReadOnlyList<OwnQuestion> Own, IReadOnlyList<long> VotedQuestionIds, long? AnsweringQuestionId, int Count, string? Next);

/// <summary>A further page of visible questions, in <c>Order</c> (<c>top</c> or <c>newest</c>).</summary>
public sealed record AudienceQuestionPage(string Code, string Order, IReadOnlyList<AudienceQuestion> Questions, string? Next);

/// <summary>
/// The Q&amp;A of a session as the presenter sees it: the first page of the queue (held first), plus the question
/// being answered. <c>Count</c> is every question, <c>Held</c> those waiting; <c>Next</c> asks <c>GetMoreModerationQueue</c> for the rest.
/// </summary>
public sealed record PresenterQna(string Code, IReadOnlyList<PresenterQuestion> Questions, bool PreModeration, long? AnsweringQuestionId, int Count, int Held, string? Next);

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

/// <summary>Q&amp;A settings of a session.</summary>
public sealed record QnaSettingsChanged(string Code, bool PreModeration, long? AnsweringQuestionId);
