using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Looks for patient-identifiable details in an audience question (dates of birth, NHS and hospital numbers,
/// e-mail addresses, phone numbers, postcodes and configured words) so that such a question is held for the
/// presenter, with the reasons, instead of being shown to the room. A safety net, not a guarantee: see
/// <c>docs/privacy.md</c> for what each rule catches and misses.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: create one for the application. Every rule runs in time linear in the length
/// of the text, so adversarial input cannot stall it; should a rule still run out of time, it reports a
/// finding (the question is held) rather than letting the text through unchecked.
/// </remarks>
public sealed class PatientDataGuard(PatientDataGuardOptions options)
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "weeks", "week", "wks", "wk", "w", "days", "day", "d", "hours", "hrs", "hr", "h", "min", "mins", "ms", "s",
        "years", "yrs", "yr", "y", "mm", "cm", "m", "kg", "g", "mg", "mcg", "ml", "l", "%", "mmhg", "bpm",
    };

    // Identifiers of papers, trials and standards: public, never a patient's.
    private static readonly HashSet<string> PublicIdentifierPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "nct", "isrctn", "pmid", "pmcid", "pmc", "doi", "arxiv", "isbn", "issn", "eudract", "ctri", "actrn",
        "drks", "chictr", "iso", "iec", "en", "bs", "ieee", "rfc", "orcid",
    };

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "dcm", "nii", "gz", "pdf",
    };

    private readonly string[] _heldWords = FoldWords(options);

    /// <summary>
    /// Checks a question. Returns no findings when nothing was seen, otherwise one finding per rule that fired,
    /// in the order of <see cref="GuardRules"/>.
    /// </summary>
    public IReadOnlyList<GuardFinding> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var normalized = GuardText.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var findings = new List<GuardFinding>();
        var inPhoneNumber = new bool[normalized.Length];

        Run(findings, GuardRules.DateOfBirth, "a date of birth", () => CheckDates(normalized));
        Run(findings, GuardRules.NhsNumber, "an NHS number", () => CheckNhsNumbers(normalized));
        Run(findings, GuardRules.Phone, "a phone number", () => CheckPhones(normalized, inPhoneNumber));
        Run(findings, GuardRules.HospitalNumber, "a hospital number", () => CheckHospitalNumbers(normalized, inPhoneNumber));
        Run(findings, GuardRules.Email, "an e-mail address", () => CheckEmails(normalized));
        Run(findings, GuardRules.Postcode, "a postcode", () => CheckPostcodes(normalized));
        Run(findings, GuardRules.WordList, "a held word", () => CheckHeldWords(normalized));

        // Phones are looked for before hospital numbers (a phone's digits are not also a hospital number);
        // the findings still come back in the documented order.
        findings.Sort((a, b) => RuleOrder(a.Rule).CompareTo(RuleOrder(b.Rule)));
        return findings;
    }

    private static void Run(List<GuardFinding> findings, string rule, string what, Func<GuardFinding?> check)
    {
        try
        {
            if (check() is { } finding)
            {
                findings.Add(finding);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            findings.Add(new GuardFinding(rule, $"the question could not be checked for {what} in time, so it is held to be safe"));
        }
    }

    private static int RuleOrder(string rule) => rule switch
    {
        GuardRules.DateOfBirth => 0,
        GuardRules.NhsNumber => 1,
        GuardRules.HospitalNumber => 2,
        GuardRules.Email => 3,
        GuardRules.Phone => 4,
        GuardRules.Postcode => 5,
        _ => 6,
    };

    // Rule 1: full calendar dates, and a year or partial date after "DOB" or "born".
    private static GuardFinding? CheckDates(string text)
    {
        var hits = new Hits(GuardRules.DateOfBirth);

        foreach (Match match in GuardPatterns.DateOfBirthKeyword().Matches(text))
        {
            var keyword = match.Groups[1].Value;
            var year = YearOf(match.Groups[2].Value);
            hits.Add(DateKey(match.Groups[2]), $"a date of birth after “{keyword}” ({(year is null ? "day and month" : "year " + year)})");
        }

        foreach (Match match in GuardPatterns.NumericDate().Matches(text))
        {
            var (first, separator, second, year) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[5].Value);
            if (separator != match.Groups[4].Value || !StandsAlone(text, match) || FollowedByUnit(text, match) || AfterVersionWord(text, match))
            {
                continue;
            }

            // Dots and dashes also separate version numbers and ranges ("Python 3.10.12", "5-10-20 mg"): there a
            // date needs a four-digit year or a zero-padded day and month.
            if (separator != "/" && year.Length != 4 && (first.Length != 2 || second.Length != 2))
            {
                continue;
            }

            var (a, b) = (int.Parse(first, CultureInfo.InvariantCulture), int.Parse(second, CultureInfo.InvariantCulture));
            if (IsYear(year) && (IsDayAndMonth(a, b) || IsDayAndMonth(b, a)))
            {
                hits.Add(DateKey(match), FullDateReason(year));
            }
        }

        foreach (Match match in GuardPatterns.IsoDate().Matches(text))
        {
            var (month, day) = (int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture));
            if (match.Groups[2].Value == match.Groups[4].Value && StandsAlone(text, match) && !FollowedByUnit(text, match) && IsDayAndMonth(day, month))
            {
                hits.Add(DateKey(match), FullDateReason(match.Groups[1].Value));
            }
        }

        foreach (Match match in GuardPatterns.DayMonthYear().Matches(text))
        {
            var day = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = match.Groups[3].Value.TrimStart('\'');
            if (day is >= 1 and <= 31 && IsYear(year))
            {
                hits.Add(DateKey(match), FullDateReason(year));
            }
        }

        foreach (Match match in GuardPatterns.MonthDayYear().Matches(text))
        {
            var day = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = match.Groups[3].Value.TrimStart('\'');
            if (day is >= 1 and <= 31 && IsYear(year))
            {
                hits.Add(DateKey(match), FullDateReason(year));
            }
        }

        return hits.ToFinding();
    }

    // A date found by two patterns ("DOB 3rd April 1961") starts at the same place: one date, not two.
    private static string DateKey(Group date) => date.Index.ToString(CultureInfo.InvariantCulture);

    private static string FullDateReason(string year) => $"a full date that could be a date of birth (year {year})";

    private static bool IsYear(string year) =>
        year.Length == 2 || (year.Length == 4 && year[..2] is "19" or "20");

    private static bool IsDayAndMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    /// <summary>The year in a partial date, or null when it has none ("3rd April").</summary>
    private static string? YearOf(string value)
    {
        var runs = GuardText.DigitRuns(value);
        if (runs.Count == 0)
        {
            return null;
        }

        var last = value[runs[^1]];
        var yearless = runs.Count == 1 && last.Length <= 2 && !value.Contains('\'', StringComparison.Ordinal)
            && !value.Contains('/', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal) && !value.Contains('-', StringComparison.Ordinal);
        return yearless ? null : last;
    }

    // Rule 2: ten digits passing the Modulus 11 check, written 9434765919, 943 476 5919 or 943-476-5919.
    private static GuardFinding? CheckNhsNumbers(string text)
    {
        var hits = new Hits(GuardRules.NhsNumber);
        foreach (var (digits, _, _) in NhsShapedNumbers(text))
        {
            if (NhsNumber.IsValid(digits))
            {
                hits.Add(digits, $"an NHS number with a valid check digit (ending {GuardText.Tail(digits)})");
            }
        }

        return hits.ToFinding();
    }

    /// <summary>
    /// Ten-digit numbers written the way NHS numbers are: one run of ten digits, three groups of 3, 3 and 4
    /// (inside a longer list too: "in 2019 943 476 5919"), or a whole number of ten digits in two or three groups
    /// of at least three. Numbers after a + are phone numbers.
    /// </summary>
    private static IEnumerable<(string Digits, bool ThreeThreeFour, int Start)> NhsShapedNumbers(string text)
    {
        var runs = GuardText.DigitRuns(text);
        var chainStart = 0;
        for (var i = 0; i < runs.Count; i++)
        {
            var endsChain = i == runs.Count - 1 || !Joined(text, runs[i], runs[i + 1]);
            if (!endsChain)
            {
                continue;
            }

            var chain = runs.GetRange(chainStart, i - chainStart + 1);
            chainStart = i + 1;
            if (GuardText.At(text, chain[0].Start.Value - 1) == '+')
            {
                continue;
            }

            foreach (var window in NhsShapedWindows(text, chain))
            {
                yield return window;
            }
        }
    }

    private static IEnumerable<(string Digits, bool ThreeThreeFour, int Start)> NhsShapedWindows(string text, List<Range> chain)
    {
        for (var first = 0; first < chain.Count; first++)
        {
            var length = 0;
            for (var last = first; last < chain.Count && length < 10; last++)
            {
                length += Length(chain[last]);
                if (length != 10)
                {
                    continue;
                }

                var count = last - first + 1;
                var single = count == 1;
                var threeThreeFour = count == 3 && Length(chain[first]) == 3 && Length(chain[first + 1]) == 3;
                var whole = first == 0 && last == chain.Count - 1 && count <= 3 && chain.TrueForAll(g => Length(g) >= 3);
                if (!(single || threeThreeFour || whole) || IsPartOfDecimal(text, chain[first], chain[last]))
                {
                    continue;
                }

                // A dot joins groups only in 943.476.5919 as a whole; otherwise it is a decimal or a version.
                var dots = 0;
                for (var g = first; g < last; g++)
                {
                    dots += text[chain[g].End.Value] == '.' ? 1 : 0;
                }

                if (dots == 0 || (threeThreeFour && whole && dots == 2))
                {
                    yield return (string.Concat(chain[first..(last + 1)].Select(g => text[g])), threeThreeFour, chain[first].Start.Value);
                }
            }
        }
    }

    private static bool Joined(string text, Range left, Range right) =>
        right.Start.Value - left.End.Value == 1 && text[left.End.Value] is ' ' or '-' or '.';

    private static int Length(Range range) => range.End.Value - range.Start.Value;

    // Rule 3: identifier-like numbers, and identifiers after a hospital-number keyword or a trust code.
    private static GuardFinding? CheckHospitalNumbers(string text, bool[] inPhoneNumber)
    {
        var hits = new Hits(GuardRules.HospitalNumber);

        foreach (Match match in GuardPatterns.HospitalNumberKeyword().Matches(text))
        {
            var identifier = match.Groups[2].Value.TrimEnd('-', '/');
            if (identifier.Count(char.IsAsciiDigit) >= 4)
            {
                hits.Add(GuardText.DigitsOf(identifier), $"a hospital number after “{match.Groups[1].Value}” (ending {GuardText.Tail(identifier)})");
            }
        }

        foreach (Match match in GuardPatterns.TrustPrefixedNumber().Matches(text))
        {
            hits.Add(GuardText.DigitsOf(match.Value), $"a hospital number after a trust code (ending {GuardText.Tail(match.Value)})");
        }

        foreach (var run in GuardText.DigitRuns(text))
        {
            var digits = text[run];
            if (digits.Length < 7
                || IsPartOfDecimal(text, run, run)
                || digits.EndsWith("0000", StringComparison.Ordinal)
                || (digits.Length == 10 && NhsNumber.IsValid(digits))
                || inPhoneNumber[run.Start.Value]
                || AfterPublicIdentifierPrefix(text, run.Start.Value))
            {
                continue;
            }

            hits.Add(digits, $"{(digits.Length is 8 or 11 or 18 ? "an" : "a")} {digits.Length}-digit identifier-like number (ending {GuardText.Tail(digits)})");
        }

        // 943 476 5918: written like an NHS number, a mistyped one is still an identifier.
        foreach (var (digits, threeThreeFour, start) in NhsShapedNumbers(text))
        {
            if (threeThreeFour && !inPhoneNumber[start] && !NhsNumber.IsValid(digits))
            {
                hits.Add(digits, $"a 10-digit number grouped like an NHS number, with a wrong check digit (ending {GuardText.Tail(digits)})");
            }
        }

        return hits.ToFinding();
    }

    /// <summary>True when the digits are the integer or fractional part of a decimal or grouped number (7.04, 12,400).</summary>
    private static bool IsPartOfDecimal(string text, Range first, Range last) =>
        (GuardText.At(text, first.Start.Value - 1) is '.' or ',' && char.IsAsciiDigit(GuardText.At(text, first.Start.Value - 2)))
        || (GuardText.At(text, last.End.Value) is '.' or ',' && char.IsAsciiDigit(GuardText.At(text, last.End.Value + 1)));

    private static bool AfterPublicIdentifierPrefix(string text, int start)
    {
        var end = start;
        while (end > 0 && start - end < 3 && text[end - 1] is ' ' or ':' or '#' or '-')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsAsciiLetter(text[begin - 1]))
        {
            begin--;
        }

        return begin < end && PublicIdentifierPrefixes.Contains(text[begin..end]);
    }

    // Rule 4: e-mail addresses.
    private static GuardFinding? CheckEmails(string text)
    {
        var hits = new Hits(GuardRules.Email);
        foreach (Match match in GuardPatterns.Email().Matches(text))
        {
            var local = match.Value[..match.Value.IndexOf('@', StringComparison.Ordinal)].Trim('.');
            var topLevel = match.Groups[1].Value;
            if (local.Length > 0 && !FileExtensions.Contains(topLevel))
            {
                hits.Add(match.Value.ToLowerInvariant(), $"an e-mail address (…@….{topLevel.ToLowerInvariant()})");
            }
        }

        return hits.ToFinding();
    }

    // Rule 5: UK phone numbers (national or +44) and international numbers after a +.
    private static GuardFinding? CheckPhones(string text, bool[] inPhoneNumber)
    {
        var hits = new Hits(GuardRules.Phone);
        var (view, map) = PhoneView(text);

        foreach (Match match in GuardPatterns.UkInternationalPhone().Matches(view))
        {
            var national = GuardText.DigitsOf(match.Value)[2..];
            if (IsWholeNumber(view, match) && national.Length == (national[0] == '7' ? 10 : national.Length))
            {
                Add(match, national[0] == '7' ? "a UK mobile number" : "a UK phone number");
            }
        }

        foreach (Match match in GuardPatterns.UkNationalPhone().Matches(view))
        {
            var digits = GuardText.DigitsOf(match.Value);
            // At most three separators, all alike: "01-02-2024 12" is a date and a time, not a phone number.
            var separators = match.Value.Where(c => c is ' ' or '-').ToList();
            var spacedLikeANumber = separators.Count <= 3 && separators.Distinct().Count() <= 1;
            var rightLength = digits[1] == '7' ? digits.Length == 11 : digits.Length is 10 or 11;
            if (IsWholeNumber(view, match) && !char.IsAsciiLetter(GuardText.At(view, match.Index - 1)) && spacedLikeANumber && rightLength)
            {
                Add(match, digits[1] == '7' ? "a UK mobile number" : "a UK phone number");
            }
        }

        foreach (Match match in GuardPatterns.InternationalPhone().Matches(view))
        {
            if (IsWholeNumber(view, match) && !match.Value.StartsWith("+44", StringComparison.Ordinal))
            {
                Add(match, "an international phone number");
            }
        }

        return hits.ToFinding();

        void Add(Match match, string kind)
        {
            var digits = GuardText.DigitsOf(match.Value);
            Array.Fill(inPhoneNumber, true, map[match.Index], map[match.Index + match.Length - 1] - map[match.Index] + 1);
            // The last nine digits are the same in 07700 900123 and +44 7700 900123: one number, not two.
            hits.Add(digits[^Math.Min(9, digits.Length)..], $"{kind} (ending {GuardText.Tail(digits)})");
        }
    }

    /// <summary>
    /// The text without what says nothing about a phone number: "(0)" and the brackets around an area code
    /// (+44 (0)20 7946 0958, (01632) 960001), with where each character came from in <paramref name="text"/>.
    /// </summary>
    private static (string View, int[] Map) PhoneView(string text)
    {
        var view = new System.Text.StringBuilder(text.Length);
        var map = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var dropped = text.AsSpan(i).StartsWith("(0)", StringComparison.Ordinal);
            var c = dropped || text[i] is '(' or ')' ? ' ' : text[i];
            if (c != ' ' || (view.Length > 0 && view[^1] != ' '))
            {
                map[view.Length] = i;
                view.Append(c);
            }

            i += dropped ? 2 : 0;
        }

        return (view.ToString(), map);
    }

    /// <summary>Not a piece of a longer number or a decimal: 82.07700900123 or 07700 9001234 are not phone numbers.</summary>
    private static bool IsWholeNumber(string text, Match match)
    {
        var before = GuardText.At(text, match.Index - 1);
        var after = GuardText.At(text, match.Index + match.Length);
        return !char.IsAsciiDigit(before) && before is not '.' and not ',' and not '+' && !char.IsAsciiDigit(after)
            && !(after is '.' or ',' && char.IsAsciiDigit(GuardText.At(text, match.Index + match.Length + 1)));
    }

    // Rule 6: full UK postcodes.
    private static GuardFinding? CheckPostcodes(string text)
    {
        var hits = new Hits(GuardRules.Postcode);
        foreach (Match match in GuardPatterns.Postcode().Matches(text))
        {
            var area = match.Groups[1].Value.ToUpperInvariant();
            var district = match.Groups[2].Value.ToUpperInvariant();
            var inward = match.Groups[3].Value;

            // SW1A, W1A, EC1A: a letter after the district only from the letters Royal Mail uses there.
            if (district.Length == 2 && char.IsAsciiLetter(district[1]) && !(area.Length == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").Contains(district[1], StringComparison.Ordinal))
            {
                continue;
            }

            // "E2 3rd", "n1 1st": an ordinal typed in lower case, not a postcode.
            if (!match.Value.Any(char.IsAsciiLetterUpper) && IsOrdinal(inward))
            {
                continue;
            }

            hits.Add((area + district + inward).ToUpperInvariant(), $"a full UK postcode ({area}{district} …)");
        }

        return hits.ToFinding();
    }

    private static bool IsOrdinal(string inward)
    {
        var suffix = inward[1..].ToLowerInvariant();
        return (inward[0], suffix) switch
        {
            ('1', "st") or ('2', "nd") or ('3', "rd") => true,
            (not ('1' or '2' or '3'), "th") => true,
            _ => false,
        };
    }

    // Rule 7: configured words and phrases, as whole words, ignoring case and accents.
    private GuardFinding? CheckHeldWords(string normalized)
    {
        if (_heldWords.Length == 0)
        {
            return null;
        }

        var hits = new Hits(GuardRules.WordList);
        var folded = GuardText.Fold(normalized);
        foreach (var word in _heldWords)
        {
            if (ContainsWholeWord(folded, word))
            {
                hits.Add(word, $"a word or phrase on the held list (“{word[0]}…”)");
            }
        }

        return hits.ToFinding();
    }

    private static bool ContainsWholeWord(string text, string word)
    {
        var from = 0;
        while (from <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            if (!char.IsLetterOrDigit(GuardText.At(text, index - 1)) && !char.IsLetterOrDigit(GuardText.At(text, end)))
            {
                return true;
            }

            from = index + 1;
        }

        return false;
    }

    private static string[] FoldWords(PatientDataGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.HeldWords
            .Where(word => !string.IsNullOrWhiteSpace(word))
            .Select(word => GuardText.Fold(GuardText.Normalize(word)))
            .Where(word => word.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    private static bool StandsAlone(string text, Match match)
    {
        var before = GuardText.At(text, match.Index - 1);
        var end = match.Index + match.Length;
        var after = GuardText.At(text, end);
        return !char.IsLetterOrDigit(before) && before is not '.' and not '/'
            && !char.IsLetterOrDigit(after)
            && !(after is '.' or '/' or '-' && char.IsAsciiDigit(GuardText.At(text, end + 1)));
    }

    /// <summary>"version 10.12.24", "release 1.2.24": a version number, not a date.</summary>
    private static bool AfterVersionWord(string text, Match match)
    {
        var end = match.Index - 1;
        if (GuardText.At(text, end) == ' ')
        {
            end--;
        }

        var start = end;
        while (start >= 0 && char.IsAsciiLetter(text[start]))
        {
            start--;
        }

        return text.AsSpan(start + 1, end - start) is var word
            && (word.Equals("version", StringComparison.OrdinalIgnoreCase) || word.Equals("release", StringComparison.OrdinalIgnoreCase)
                || word.Equals("build", StringComparison.OrdinalIgnoreCase) || word.Equals("ver", StringComparison.OrdinalIgnoreCase));
    }

    private static bool FollowedByUnit(string text, Match match)
    {
        var start = match.Index + match.Length;
        if (GuardText.At(text, start) == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '%'))
        {
            end++;
        }

        return end > start && Units.Contains(text[start..end]);
    }

    /// <summary>The matches of one rule: the first describes the finding, the others are counted.</summary>
    private sealed class Hits(string rule)
    {
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
        private string? _reason;

        public void Add(string value, string reason)
        {
            if (_seen.Add(value))
            {
                _reason ??= reason;
            }
        }

        public GuardFinding? ToFinding() => _reason switch
        {
            null => null,
            _ when _seen.Count == 1 => new GuardFinding(rule, _reason),
            _ => new GuardFinding(rule, $"{_reason}, and {_seen.Count - 1} more"),
        };
    }
}
