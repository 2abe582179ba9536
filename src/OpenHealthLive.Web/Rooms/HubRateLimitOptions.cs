using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// The audience's write allowances (<see cref="HubRateLimits"/>). The keys stay in the <c>Questions</c> section,
/// where the README and docs/security.md list them and deployments set them; the class is its own so that every
/// feature that limits writes (questions, votes, a phone's data) reads them without depending on Q&amp;A.
/// </summary>
public sealed class HubRateLimitOptions
{
    public const string SectionName = "Questions";

    /// <summary>Questions one phone may post per minute.</summary>
    [Range(1, 600)]
    public int QuestionsPerDevicePerMinute { get; set; } = 5;

    /// <summary>Upvotes (and take-backs) one phone may send per minute.</summary>
    [Range(1, 6000)]
    public int VotesPerDevicePerMinute { get; set; } = 60;

    /// <summary>
    /// Backstop per IP address and minute for questions, against a script that mints device cookies. Generous for
    /// a room behind one NAT: a busy Q&amp;A rarely sees more than a few dozen questions a minute from a whole room.
    /// </summary>
    [Range(1, 100_000)]
    public int QuestionsPerIpPerMinute { get; set; } = 200;

    /// <summary>
    /// Backstop per IP address and minute, for questions and votes together. Generous: a whole room can share
    /// one address behind the venue's NAT.
    /// </summary>
    [Range(1, 1_000_000)]
    public int WritesPerIpPerMinute { get; set; } = 20_000;
}
