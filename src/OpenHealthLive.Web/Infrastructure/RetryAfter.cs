using System.Globalization;

namespace OpenHealthLive.Web.Infrastructure;

/// <summary>How a refusal says how long to wait: whole seconds, at least one (a <c>Retry-After</c> header's value, a message's words).</summary>
public static class RetryAfter
{
    /// <summary>The wait in whole seconds, rounded up, at least 1.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The wait for a <c>Retry-After</c> header.</summary>
    public static string Header(TimeSpan wait) => Seconds(wait).ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 second" or "N seconds".</summary>
    public static string Phrase(TimeSpan wait) => Seconds(wait) is 1 ? "1 second" : Header(wait) + " seconds";
}
