using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// The slides a session has put in front of the room, each with the furthest fragment shown on it. Not "every
/// slide up to the furthest one": a presenter who jumps from slide 3 to the last slide and back has shown two
/// slides, not all of them. Immutable; stored as text such as <c>0:0,1:2,7:0</c>.
/// </summary>
public sealed class ShownSlides : IEquatable<ShownSlides>
{
    private readonly ImmutableSortedDictionary<int, int> _fragments;

    private ShownSlides(ImmutableSortedDictionary<int, int> fragments) => _fragments = fragments;

    /// <summary>Nothing shown yet.</summary>
    public static ShownSlides None { get; } = new(ImmutableSortedDictionary<int, int>.Empty);

    /// <summary>The shown slides (0-based), in order.</summary>
    public IEnumerable<int> Slides => _fragments.Keys;

    /// <summary>How many slides have been shown.</summary>
    public int Count => _fragments.Count;

    /// <summary>True when <paramref name="slide"/> has been on the screen, at any fragment.</summary>
    public bool Contains(int slide) => _fragments.ContainsKey(slide);

    /// <summary>The furthest fragment shown on <paramref name="slide"/>, or null when it was never shown.</summary>
    public int? FurthestFragment(int slide) => _fragments.TryGetValue(slide, out var fragment) ? fragment : null;

    /// <summary>True when <paramref name="slide"/> has been shown with at least <paramref name="fragment"/> fragments revealed.</summary>
    public bool Contains(int slide, int fragment) => _fragments.TryGetValue(slide, out var furthest) && fragment <= furthest;

    /// <summary>These slides plus <paramref name="slide"/> shown at <paramref name="fragment"/>.</summary>
    public ShownSlides With(int slide, int fragment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slide);
        ArgumentOutOfRangeException.ThrowIfNegative(fragment);
        return _fragments.TryGetValue(slide, out var furthest) && furthest >= fragment
            ? this
            : new(_fragments.SetItem(slide, fragment));
    }

    /// <summary>
    /// What a session stored before this type existed, when "shown" meant every slide up to the furthest one:
    /// the same slides again, so an upgrade neither hides nor reveals anything.
    /// </summary>
    public static ShownSlides UpTo(int slide, int fragment)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<int, int>();
        for (var earlier = 0; earlier < slide; earlier++)
        {
            builder[earlier] = int.MaxValue;
        }

        builder[Math.Max(0, slide)] = Math.Max(0, fragment);
        return new(builder.ToImmutable());
    }

    /// <summary>Reads the stored form; entries that are not two non-negative numbers are skipped.</summary>
    public static ShownSlides Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return None;
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<int, int>();
        foreach (var entry in stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && int.TryParse(entry.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var slide)
                && int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var fragment))
            {
                builder[slide] = builder.TryGetValue(slide, out var known) ? Math.Max(known, fragment) : fragment;
            }
        }

        return new(builder.ToImmutable());
    }

    /// <inheritdoc />
    public bool Equals(ShownSlides? other) => other is not null && _fragments.SequenceEqual(other._fragments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShownSlides);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The stored form, for example <c>0:0,1:2,7:0</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (slide, fragment) in _fragments)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(slide.ToString(CultureInfo.InvariantCulture)).Append(':').Append(fragment.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
