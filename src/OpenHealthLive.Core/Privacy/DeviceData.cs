namespace OpenHealthLive.Core.Privacy;

/// <summary>Everything one phone has sent in a talk, as it is stored; shown to that phone only.</summary>
/// <param name="Questions">Its questions, whatever their status.</param>
/// <param name="QuestionVotes">Its upvotes.</param>
/// <param name="PollVotes">Its poll votes, in every round.</param>
public sealed record DeviceData(IReadOnlyList<DeviceQuestion> Questions, IReadOnlyList<DeviceQuestionVote> QuestionVotes, IReadOnlyList<DevicePollVote> PollVotes);

/// <summary>A question a phone asked.</summary>
/// <param name="Id">The question's id.</param>
/// <param name="Text">The text as stored.</param>
/// <param name="Author">The name given with it, if any.</param>
/// <param name="Status">Visible, held or hidden.</param>
/// <param name="CreatedAt">When it was asked.</param>
public sealed record DeviceQuestion(long Id, string Text, string? Author, Questions.QuestionStatus Status, DateTimeOffset CreatedAt);

/// <summary>An upvote a phone gave.</summary>
/// <param name="QuestionId">The question upvoted.</param>
/// <param name="Text">Its text while the room can see it; null once it is held or hidden.</param>
/// <param name="CreatedAt">When the upvote was given.</param>
public sealed record DeviceQuestionVote(long QuestionId, string? Text, DateTimeOffset CreatedAt);

/// <summary>A vote a phone gave in a poll.</summary>
/// <param name="PollId">The poll's id in the deck.</param>
/// <param name="Question">The poll's question, when the deck still has the poll.</param>
/// <param name="Answer">The answer in words (the option chosen, the ratings, the word typed).</param>
/// <param name="CurrentRound">False for a vote in a round the presenter has since reset: it no longer counts.</param>
/// <param name="UpdatedAt">When it was last given or changed.</param>
/// <param name="Held">True for a typed answer the patient-data guard held: stored masked (as <paramref name="Answer"/> shows) and never counted.</param>
public sealed record DevicePollVote(string PollId, string? Question, string Answer, bool CurrentRound, DateTimeOffset UpdatedAt, bool Held = false);
