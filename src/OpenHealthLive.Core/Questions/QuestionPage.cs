namespace OpenHealthLive.Core.Questions;

/// <summary>One page of a session's questions.</summary>
/// <param name="Questions">The questions, in the page's order.</param>
/// <param name="Next">Where the next page starts (an opaque cursor), or null when this page is the last.</param>
public sealed record QuestionPage(IReadOnlyList<QuestionView> Questions, string? Next);
