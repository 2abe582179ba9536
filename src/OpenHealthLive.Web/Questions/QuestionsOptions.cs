using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Questions;

/// <summary>Q&amp;A settings (section <c>Questions</c>).</summary>
public sealed class QuestionsOptions
{
    public const string SectionName = "Questions";

    /// <summary>Words or phrases that hold a question for the presenter (see docs/privacy.md).</summary>
    public IList<string> HeldWords { get; } = [];

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
