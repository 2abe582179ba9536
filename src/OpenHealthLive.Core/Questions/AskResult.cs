namespace OpenHealthLive.Core.Questions;

/// <summary>What happened to a posted question; sent back to the phone that asked.</summary>
/// <param name="Question">The stored question (the first one, when a retry found it).</param>
/// <param name="WasDuplicate">True when the same device had already posted this client id.</param>
public sealed record AskResult(QuestionView Question, bool WasDuplicate);
