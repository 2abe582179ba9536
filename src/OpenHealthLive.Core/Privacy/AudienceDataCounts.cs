namespace OpenHealthLive.Core.Privacy;

/// <summary>What the audience has sent in a talk and is stored, or what a deletion took away.</summary>
/// <param name="Questions">Questions, whatever their status.</param>
/// <param name="HeldQuestions">Of those, the ones held for the presenter.</param>
/// <param name="QuestionVotes">Upvotes of questions.</param>
/// <param name="PollVotes">Poll votes, in every round.</param>
/// <param name="Phones">Distinct phones (device ids) these rows belong to.</param>
/// <param name="PublishedPolls">Polls whose shown results are, or were kept as, open data.</param>
public sealed record AudienceDataCounts(int Questions, int HeldQuestions, int QuestionVotes, int PollVotes, int Phones, int PublishedPolls);
