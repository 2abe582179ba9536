using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Questions;

/// <summary>Q&amp;A settings (section <c>Questions</c>).</summary>
public sealed class QuestionsOptions
{
    public const string SectionName = "Questions";

    /// <summary>Words or phrases that hold a question for the presenter (see docs/privacy.md).</summary>
    public IList<string> HeldWords { get; } = [];

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
}
