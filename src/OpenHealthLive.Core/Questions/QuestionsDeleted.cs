namespace OpenHealthLive.Core.Questions;

/// <summary>What a deletion of audience questions took away.</summary>
/// <param name="Questions">Questions deleted, whatever their status.</param>
/// <param name="HeldQuestions">Of those, the ones held for the presenter.</param>
/// <param name="Votes">Upvotes deleted.</param>
public sealed record QuestionsDeleted(int Questions, int HeldQuestions, int Votes);
