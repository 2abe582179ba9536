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
    /// Questions one talk stores at most. A large talk gets a few hundred; a thousand leaves room for that while
    /// bounding what a flood of made-up phones can store. Held and hidden questions count; deleting one frees its
    /// place, so a presenter who deletes a flood lets the room ask again.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPerSession { get; set; } = 1000;

    /// <summary>
    /// Questions one phone (device cookie) may post in a talk, over any number of connections. Twenty is far more
    /// than anyone asks in one talk; a script must make up many phones to get far, and each is rate-limited.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPerDevice { get; set; } = 20;

    /// <summary>
    /// Backstop per IP address and minute, for questions and votes together. Generous: a whole room can share
    /// one address behind the venue's NAT.
    /// </summary>
    [Range(1, 1_000_000)]
    public int WritesPerIpPerMinute { get; set; } = 20_000;
}
