using System.Globalization;

namespace OpenHealthLive.Core.Polls;

/// <summary>Element-wise equality and printing for the lists held by poll records.</summary>
internal static class Lists
{
    public static bool SameItems<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        return a is not null && b is not null && a.SequenceEqual(b);
    }

    public static int HashItems<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static string? Print<T>(IReadOnlyList<T>? items) =>
        items is null ? null : "[" + string.Join(", ", items.Select(i => string.Format(CultureInfo.InvariantCulture, "{0}", i))) + "]";
}
