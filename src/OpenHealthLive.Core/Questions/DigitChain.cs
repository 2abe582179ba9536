namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Digit groups joined by short separators of any kind, as an identifier is typed: "943 476 5919",
/// "943•476•5919", "9434 765 919", "03|05|1950". A separator is one to three characters that are neither
/// letters nor digits. Two things do not join groups: list punctuation followed by a space ("256, 512, 1024"
/// is a list) and units or signs that make a number a quantity ("5% 10%", "£12 20").
/// </summary>
internal sealed class DigitChain
{
    /// <summary>
    /// What <see cref="Gap"/> returns for the place where a name and a question were joined to be read together:
    /// alike any separator, since the phone sent no separator there.
    /// </summary>
    public const string Joint = "\0";

    private const int MaxSeparator = 3;

    private readonly string _text;
    private readonly List<(int Start, int End)> _groups;
    private readonly int _joint;

    private DigitChain(string text, List<(int Start, int End)> groups, int joint)
    {
        _text = text;
        _groups = groups;
        _joint = joint;
    }

    /// <summary>How many digit groups the chain has.</summary>
    public int Count => _groups.Count;

    /// <summary>Where the chain starts in the normal form.</summary>
    public int Start => _groups[0].Start;

    /// <summary>The start of group <paramref name="i"/> in the normal form.</summary>
    public int StartOf(int i) => _groups[i].Start;

    /// <summary>The end (exclusive) of group <paramref name="i"/> in the normal form.</summary>
    public int EndOf(int i) => _groups[i].End;

    /// <summary>The digits of group <paramref name="i"/>.</summary>
    public string Group(int i) => _text[_groups[i].Start.._groups[i].End];

    /// <summary>The length of group <paramref name="i"/>.</summary>
    public int Length(int i) => _groups[i].End - _groups[i].Start;

    /// <summary>The separator after group <paramref name="i"/>; empty after the last.</summary>
    public string Gap(int i)
    {
        if (i < 0 || i >= _groups.Count - 1)
        {
            return string.Empty;
        }

        var (from, to) = (_groups[i].End, _groups[i + 1].Start);
        return _joint >= from && _joint < to ? Joint : _text[from..to];
    }

    /// <summary>True when two separators are the same, or one of them is the <see cref="Joint"/>.</summary>
    public static bool Alike(string a, string b) => a == Joint || b == Joint || string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>The digits of groups <paramref name="first"/> to <paramref name="last"/>.</summary>
    public string Digits(int first, int last) => string.Concat(Enumerable.Range(first, last - first + 1).Select(Group));

    /// <summary>The character just before the chain, or a space.</summary>
    public char Before => GuardText.At(_text, Start - 1);

    /// <summary>The character just before group <paramref name="i"/>, or a space.</summary>
    public char BeforeGroup(int i) => GuardText.At(_text, _groups[i].Start - 1);

    /// <summary>The character just after group <paramref name="i"/>, or a space.</summary>
    public char AfterGroup(int i) => GuardText.At(_text, _groups[i].End);

    /// <summary>
    /// Whether groups <paramref name="first"/> to <paramref name="last"/> stand out as one number in the chain:
    /// they are the whole chain, or one group, or their separators are all alike and differ from those on
    /// either side ("in 2019: 943/476/5919" has 943/476/5919; "1.2.840.10008" has no number of four groups).
    /// </summary>
    /// <remarks>
    /// <paramref name="afterADate"/>: the groups before <paramref name="first"/> are a whole date, which ends a number
    /// as the start of the chain does ("03/04/1961 07700 900123" has the phone number 07700 900123).
    /// </remarks>
    public bool StandsOut(int first, int last, bool afterADate = false)
    {
        var fromStart = first == 0 || afterADate;
        if (fromStart && last == Count - 1)
        {
            return true;
        }

        if (first == last)
        {
            return true;
        }

        if (!AlikeSeparators(first, last))
        {
            return false;
        }

        var inner = Enumerable.Range(first, last - first).Select(Gap).FirstOrDefault(g => g != Joint);
        return inner is null
            || ((fromStart || !string.Equals(Gap(first - 1), inner, StringComparison.Ordinal))
                && (last == Count - 1 || !string.Equals(Gap(last), inner, StringComparison.Ordinal)));
    }

    /// <summary>True when every separator from group <paramref name="first"/> to <paramref name="last"/> is the same.</summary>
    public bool AlikeSeparators(int first, int last)
    {
        string? seen = null;
        for (var g = first; g < last; g++)
        {
            var gap = Gap(g);
            if (gap == Joint)
            {
                continue;
            }

            if (seen is not null && !string.Equals(gap, seen, StringComparison.Ordinal))
            {
                return false;
            }

            seen = gap;
        }

        return true;
    }

    /// <summary>
    /// The chains of <paramref name="text"/> (in the guard's normal form), in order; <paramref name="joint"/> is
    /// where a name and a question were joined, or -1.
    /// </summary>
    public static List<DigitChain> Find(string text, int joint = -1)
    {
        var chains = new List<DigitChain>();
        List<(int Start, int End)>? groups = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (groups is not null && Joins(text, groups[^1].End, start))
            {
                groups.Add((start, i));
            }
            else
            {
                if (groups is not null)
                {
                    chains.Add(new DigitChain(text, groups, joint));
                }

                groups = [(start, i)];
            }
        }

        if (groups is not null)
        {
            chains.Add(new DigitChain(text, groups, joint));
        }

        return chains;
    }

    private static bool Joins(string text, int end, int next)
    {
        var length = next - end;
        var gap = text.AsSpan(end, Math.Max(0, length));
        // Brackets do not count: "+44 / (0) / 7700".
        var counted = length - gap.Count('(') - gap.Count(')');
        if (length < 1 || counted > MaxSeparator || length > MaxSeparator + 2)
        {
            return false;
        }

        foreach (var c in gap)
        {
            if (char.IsLetterOrDigit(c) || IsQuantitySign(c))
            {
                return false;
            }
        }

        // "256, 512, 1024" and "in 2019. 943": punctuation that ends a list item or a sentence, then a space.
        return !(gap.Length >= 2 && gap[0] is ',' or ';' or '.' or '!' or '?' or ':' && gap[1] == ' ');
    }

    // No µ: the guard's normal form reads it as the letter μ, and a letter ends a number anyway.
    private static bool IsQuantitySign(char c) => c is '%' or '‰' or '°' or '£' or '$' or '€' or '¥' or '±' or '×' or '÷';
}
