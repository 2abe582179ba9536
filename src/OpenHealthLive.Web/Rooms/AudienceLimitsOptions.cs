using System.ComponentModel.DataAnnotations;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Rooms;

/// <summary>
/// What the audience may send and hold open (section <c>AudienceLimits</c>): the write allowances of
/// <see cref="HubRateLimits"/>, which every feature that limits writes (questions, votes, a phone's data) reads, and the
/// hub connections one address may hold.
/// </summary>
public sealed class AudienceLimitsOptions
{
    public const string SectionName = "AudienceLimits";

    /// <summary>
    /// The keys' names before they had a section of their own (until issue 22: the write allowances under
    /// <c>Questions</c>, although votes on polls count too; the connection limit under <c>Live</c>).
    /// </summary>
    public static IReadOnlyList<RenamedSetting> Renamed { get; } =
    [
        new("Questions:QuestionsPerDevicePerMinute", "AudienceLimits:QuestionsPerDevicePerMinute"),
        new("Questions:VotesPerDevicePerMinute", "AudienceLimits:VotesPerDevicePerMinute"),
        new("Questions:QuestionsPerIpPerMinute", "AudienceLimits:QuestionsPerIpPerMinute"),
        new("Questions:WritesPerIpPerMinute", "AudienceLimits:WritesPerIpPerMinute"),
        new("Live:MaxConnectionsPerAddress", "AudienceLimits:MaxConnectionsPerAddress"),
    ];

    /// <summary>Questions one phone may post per minute.</summary>
    [Range(1, 600, ErrorMessage = "AudienceLimits:QuestionsPerDevicePerMinute is between 1 and 600.")]
    public int QuestionsPerDevicePerMinute { get; set; } = 5;

    /// <summary>Upvotes (and take-backs) one phone may send per minute.</summary>
    [Range(1, 6000, ErrorMessage = "AudienceLimits:VotesPerDevicePerMinute is between 1 and 6000.")]
    public int VotesPerDevicePerMinute { get; set; } = 60;

    /// <summary>
    /// Backstop per IP address and minute for questions, against a script that mints device cookies. Generous for
    /// a room behind one NAT: a busy Q&amp;A rarely sees more than a few dozen questions a minute from a whole room.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "AudienceLimits:QuestionsPerIpPerMinute is between 1 and 100000.")]
    public int QuestionsPerIpPerMinute { get; set; } = 200;

    /// <summary>
    /// Backstop per IP address and minute, for questions and votes together. Generous: a whole room can share
    /// one address behind the venue's NAT.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "AudienceLimits:WritesPerIpPerMinute is between 1 and 1000000.")]
    public int WritesPerIpPerMinute { get; set; } = 20_000;

    /// <summary>
    /// Hub connections one client address may hold open (<c>ConnectionsPerAddress</c>). Generous: a whole
    /// room can share one address behind the venue's NAT; raise it for a larger room behind one address. The
    /// presenter is never refused.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "AudienceLimits:MaxConnectionsPerAddress is between 1 and 1000000.")]
    public int MaxConnectionsPerAddress { get; set; } = 5_000;
}
