namespace OpenHealthLive.Core.Polls;

/// <summary>One device's vote as the vote book and the bulk insert hold it (the columns of <c>PollVotes</c> but its id).</summary>
internal sealed class VoteRow(string sessionCode, string pollId, int round, string deviceHash, string clientId, string answer, DateTimeOffset createdAt)
{
    public string SessionCode { get; } = sessionCode;

    public string PollId { get; } = pollId;

    public int Round { get; } = round;

    public string DeviceHash { get; } = deviceHash;

    public string ClientId { get; set; } = clientId;

    public string Answer { get; set; } = answer;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}
