namespace OpenHealthLive.Core.Questions;

/// <summary>One device's own questions and votes in a session; sent only to that device.</summary>
/// <param name="Own">Questions this device asked, whatever their status (so it can see "held for review").</param>
/// <param name="VotedQuestionIds">Questions this device upvoted.</param>
public sealed record DeviceQuestions(IReadOnlyList<QuestionView> Own, IReadOnlyList<long> VotedQuestionIds);
