namespace OpenHealthLive.Core.Questions;

/// <summary>Q&amp;A settings of a session.</summary>
/// <param name="SessionCode">Session join code.</param>
/// <param name="PreModeration">Every new question waits for approval.</param>
/// <param name="AnsweringQuestionId">The question being answered now, if any.</param>
public sealed record QnaSettings(string SessionCode, bool PreModeration, long? AnsweringQuestionId);
