using System.Globalization;

namespace OpenHealthLive.Core;

/// <summary>Small pieces of English wording shared by messages.</summary>
public static class English
{
    /// <summary>"1 slide", "0 slides", "3 slides": a count and a noun that takes a plain -s.</summary>
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
