using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Privacy;

/// <summary>
/// Where a talk is in its life, as every follower sees it (<c>SessionStatusChanged</c>, and the answers to
/// <c>EndSession</c> and <c>ReopenSession</c>).
/// </summary>
/// <param name="Code">Join code.</param>
/// <param name="Ended">True once the talk has ended: it takes no questions or votes.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="DeleteAfter">When what the audience sent will be deleted (the end plus the retention period).</param>
/// <param name="ErasedAt">When what the audience sent was last deleted; null if never.</param>
/// <param name="RetentionDays">The retention period in days.</param>
/// <param name="Rehearsal">True while the session is a rehearsal: what phones send is deleted when it goes live.</param>
public sealed record SessionStatus(string Code, bool Ended, DateTimeOffset? EndedAt, DateTimeOffset? DeleteAfter, DateTimeOffset? ErasedAt, int RetentionDays, bool Rehearsal)
{
    public static SessionStatus From(LiveSessionState session, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        return new(session.Code, session.Ended, session.EndedAt, policy.DeleteAfter(session.EndedAt), session.AudienceDataErasedAt, (int)policy.RetentionPeriod.TotalDays, session.Plan.IsRehearsal);
    }
}

/// <summary>Everything this phone has sent in the talk (<c>GetMyData</c>); sent to that phone only.</summary>
public sealed record MyData(string Code, IReadOnlyList<MyQuestion> Questions, IReadOnlyList<MyQuestionVote> QuestionVotes, IReadOnlyList<MyPollVote> PollVotes)
{
    public static MyData From(string code, DeviceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(code,
            data.Questions.Select(q => new MyQuestion(q.Id, q.Text, q.Author, PresenterQuestion.StatusName(q.Status), q.CreatedAt)).ToList(),
            data.QuestionVotes.Select(v => new MyQuestionVote(v.QuestionId, v.Text, v.CreatedAt)).ToList(),
            data.PollVotes.Select(v => new MyPollVote(v.PollId, v.Question, v.Answer, v.CurrentRound, v.UpdatedAt, v.Held)).ToList());
    }
}

/// <summary>A question this phone asked: <c>status</c> is visible, held or hidden.</summary>
public sealed record MyQuestion(long Id, string Text, string? Author, string Status, DateTimeOffset CreatedAt);

/// <summary>An upvote this phone gave; <c>text</c> is null once the question is no longer on the list.</summary>
public sealed record MyQuestionVote(long QuestionId, string? Text, DateTimeOffset CreatedAt);

/// <summary>
/// A vote this phone gave; <c>currentRound</c> is false for a round the presenter has since reset; <c>held</c> is
/// true for a typed answer the guard held (its masked text is what is stored).
/// </summary>
public sealed record MyPollVote(string PollId, string? Question, string Answer, bool CurrentRound, DateTimeOffset UpdatedAt, bool Held);

/// <summary>The answer to <c>POST /j/{code}/forget-me</c>: what was deleted.</summary>
public sealed record Forgotten(string Code, int Questions, int QuestionVotes, int PollVotes, string Message);
