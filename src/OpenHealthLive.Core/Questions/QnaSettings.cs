namespace OpenHealthLive.Core.Questions;

/// <summary>Q&amp;A settings of a session.</summary>
/// <param name="SessionCode">Session join code.</param>
/// <param name="PreModeration">Every new question waits for approval.</param>
/// <param name="AnsweringQuestionId">The question being answered now, if any.</param>
/// <param name="QuestionsOpen">Phones may ask; when false, new questions are refused (upvotes still count).</param>
/// <param name="SlowModeSeconds">Seconds one phone waits between two questions; 0 is off.</param>
public sealed record QnaSettings(string SessionCode, bool PreModeration, long? AnsweringQuestionId, bool QuestionsOpen, int SlowModeSeconds)
{
    /// <summary>The longest slow mode a moderator can set: ten minutes.</summary>
    public const int MaxSlowModeSeconds = 600;
}
