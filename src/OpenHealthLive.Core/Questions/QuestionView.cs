namespace OpenHealthLive.Core.Questions;

/// <summary>A question as the presenter sees it. The web layer derives the audience's view from it.</summary>
/// <param name="Id">Public id.</param>
/// <param name="SessionCode">Session join code.</param>
/// <param name="Text">The question.</param>
/// <param name="Author">Display name, or null for anonymous.</param>
/// <param name="Votes">Upvotes.</param>
/// <param name="Status">Who can see it.</param>
/// <param name="HeldReason">Why it was held, for the presenter.</param>
/// <param name="Pinned">Pinned to the top.</param>
/// <param name="AnsweringNow">The presenter is answering it now.</param>
/// <param name="AnsweredAt">When it was marked answered.</param>
/// <param name="CreatedAt">When it was posted.</param>
public sealed record QuestionView(
    long Id, string SessionCode, string Text, string? Author, int Votes, QuestionStatus Status, string? HeldReason,
    bool Pinned, bool AnsweringNow, DateTimeOffset? AnsweredAt, DateTimeOffset CreatedAt)
{
    /// <summary>True when it was marked answered.</summary>
    public bool Answered => AnsweredAt is not null;
}
