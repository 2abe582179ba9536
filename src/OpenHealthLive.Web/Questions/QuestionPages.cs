using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Web.Questions;

/// <summary>How much of a question list one answer carries, and the wire names of the orders it is paged in.</summary>
internal static class QuestionPages
{
    /// <summary>
    /// A phone's page: more than a phone screen shows, and small enough that a page of the longest questions a
    /// flood can post (500 characters each) stays well under 20 KB on the wire.
    /// </summary>
    public const int Phone = 20;

    /// <summary>The presenter's page: a console on a laptop shows more, and the presenter works through the queue.</summary>
    public const int Presenter = 50;

    /// <summary>The orders a phone may ask for (<c>top</c>, <c>newest</c>); the presenter's queue has its own method.</summary>
    public static bool TryParseAudienceOrder(string? name, out QuestionOrder order)
    {
        (var known, order) = name switch
        {
            "top" => (true, QuestionOrder.Top),
            "newest" => (true, QuestionOrder.Newest),
            _ => (false, QuestionOrder.Top),
        };
        return known;
    }
}
